import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  type INestApplication,
  NotFoundException,
  Post,
  ValidationPipe,
} from '@nestjs/common';
import { IsInt, Min } from 'class-validator';
import { readFileSync } from 'node:fs';
import { ErrorsModule } from 'nestjs-api-errors';
import { send, sendJson, type ReceivedResponse } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

class OrderDto {
  @IsInt()
  @Min(1)
  quantity: number;
}

@Controller()
class MigrationController {
  @Get('orders/7')
  order(): never {
    throw new NotFoundException('Order 7 not found');
  }

  @Get('admin')
  admin(): never {
    throw new ForbiddenException();
  }

  @Post('users')
  register(): never {
    throw new ConflictException('Email taken');
  }

  @Get('cart')
  cart(): never {
    throw new HttpException({ reason: 'locked' }, 423);
  }

  @Get('report')
  report(): never {
    throw new Error('db password=hunter2');
  }

  @Post('orders')
  create(@Body() order: OrderDto): OrderDto {
    return order;
  }
}

/** The request behind each row of the README's table, by its first cell. */
const REQUESTS: Record<string, (url: string) => Promise<ReceivedResponse>> = {
  "`throw new NotFoundException('Order 7 not found')`": (url) => send(url, { path: '/orders/7' }),
  '`throw new ForbiddenException()`': (url) => send(url, { path: '/admin' }),
  "`throw new ConflictException('Email taken')`": (url) =>
    send(url, { method: 'POST', path: '/users' }),
  "`throw new HttpException({ reason: 'locked' }, 423)`": (url) => send(url, { path: '/cart' }),
  "`throw new Error('db password=hunter2')`": (url) => send(url, { path: '/report' }),
  'A body failing `@Min(1)` on `quantity`': (url) =>
    sendJson(url, 'POST', '/orders', { quantity: 0 }),
  'A request for `GET /nope`, which has no route': (url) => send(url, { path: '/nope' }),
};

/** The rows of the table in the README's migration section: thrown, Nest's answer, ours. */
function readmeRows(): [string, string, string][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf("## Migrating from Nest's own filter");
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Thrown'))
    .map((line) => {
      const [thrown, nest, ours] = line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim());
      return [thrown, nest, ours];
    });
}

/** `404 {"a":1}` in backticks -> status and parsed body. */
function answerOf(cell: string): { status: number; body: unknown } {
  const match = /^`(\d{3}) (.*)`$/.exec(cell);
  if (match === null) throw new Error(`Not an answer: ${cell}`);
  return { status: Number(match[1]), body: JSON.parse(match[2]) };
}

const ROWS = readmeRows();

describe.each(ADAPTERS)("the README's migration table (%s)", (adapter) => {
  let nest: TestApp;
  let ours: TestApp;
  beforeAll(async () => {
    nest = await createTestApp(
      adapter,
      { controllers: [MigrationController] },
      {
        configure: (app: INestApplication) => {
          app.useGlobalPipes(new ValidationPipe());
        },
      },
    );
    ours = await createTestApp(adapter, {
      imports: [ErrorsModule.forRoot()],
      controllers: [MigrationController],
    });
  });
  afterAll(async () => {
    await nest.close();
    await ours.close();
  });

  it('lists a request the test knows for every row', () => {
    expect(ROWS.map(([thrown]) => thrown).sort()).toStrictEqual(Object.keys(REQUESTS).sort());
  });

  it.each(ROWS)('%s', async (thrown, nestCell, oursCell) => {
    const request = REQUESTS[thrown];
    const [fromNest, fromOurs] = [await request(nest.url), await request(ours.url)];
    expect({ status: fromNest.status, body: fromNest.json() }).toStrictEqual(answerOf(nestCell));
    expect({ status: fromOurs.status, body: fromOurs.json() }).toStrictEqual(answerOf(oursCell));
  });
});
