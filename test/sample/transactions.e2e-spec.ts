import { DatabaseError } from 'nestjs-api-errors';
import { readConfig } from '../../sample/src/config.js';
import { DatabaseService } from '../../sample/src/database/database.service.js';
import { sendJson } from '../helpers/http-client.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { login, type SampleServer, startSample } from './sample-server.js';

/**
 * Some failures end the transaction inside SQLite itself (an I/O error, a
 * full disk, a trigger's RAISE(ROLLBACK)); this trigger makes one on demand.
 */
const SELF_ROLLING_BACK_TRIGGER = `
  CREATE TRIGGER refuse_seven BEFORE INSERT ON order_items WHEN NEW.quantity = 7
  BEGIN SELECT RAISE(ROLLBACK, 'seven is refused'); END`;

describe.each(ADAPTERS)('an order whose failure SQLite already rolled back (%s)', (adapter) => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await startSample(adapter);
    server.db.run(SELF_ROLLING_BACK_TRIGGER);
  });
  afterAll(() => server.stop());

  it('answers the failure (500 / 77), not the ROLLBACK that found nothing to undo', async () => {
    const { token } = (await login(server.t, 'alice@example.com')).json();
    const order = (quantity: number) =>
      sendJson(
        server.t.url,
        'POST',
        '/api/v2/orders',
        { items: [{ product_id: 2, quantity }] },
        { authorization: `Bearer ${token}` },
      );
    const failed = await order(7);
    expect(failed.status).toBe(500);
    expect(failed.json().meta).toMatchObject({
      code: 77,
      description: { details: 'seven is refused' },
    });
    const placed = await order(1);
    expect(placed.status).toBe(201);
  });
});

describe('DatabaseService.transaction', () => {
  let db: DatabaseService;
  beforeEach(() => {
    db = new DatabaseService(readConfig({ SAMPLE_DB: ':memory:' }));
    db.run('CREATE TABLE t (n INTEGER NOT NULL)');
  });
  afterEach(() => db.onModuleDestroy());

  it('keeps the error of the work when SQLite ended the transaction itself', () => {
    db.run(`CREATE TRIGGER no_seven BEFORE INSERT ON t WHEN NEW.n = 7
            BEGIN SELECT RAISE(ROLLBACK, 'seven is refused'); END`);
    const work = () => db.transaction(() => db.run('INSERT INTO t (n) VALUES (7)'));
    expect(work).toThrow(DatabaseError);
    expect(work).toThrow('Database Rollback Error');
    expect(db.transaction(() => db.run('INSERT INTO t (n) VALUES (1)')).changes).toBe(1);
  });

  it('rolls back what the work did before it threw', () => {
    expect(() =>
      db.transaction(() => {
        db.run('INSERT INTO t (n) VALUES (1)');
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(db.get('SELECT COUNT(*) AS n FROM t')).toStrictEqual({ n: 0 });
  });

  it('answers a transaction that cannot begin with a DatabaseError', () => {
    let inner: unknown;
    db.transaction(() => {
      try {
        db.transaction(() => 1);
      } catch (error) {
        inner = error;
      }
    });
    expect(inner).toBeInstanceOf(DatabaseError);
  });
});
