import type { INestApplication } from '@nestjs/common';

/** Listens on a free loopback port and tells the test where, on the first line of output. */
export async function listen(app: INestApplication): Promise<void> {
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  console.log(`listening on ${await app.getUrl()}`);
}
