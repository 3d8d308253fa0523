import { connect, type Socket } from 'node:net';

export interface Target {
  readonly port: number;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** The status every answer must have; anything else makes the run fail. */
  readonly status: number;
}

/**
 * A keep-alive connection that sends one request at a time, written as bytes
 * once and read back just far enough to see the status and the body's end:
 * the load costs the benchmark's own process little, so it can keep a
 * server busy.
 */
class Connection {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new Connection(socket)));
      socket.once('error', reject);
    });
  }

  send(request: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd === -1) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffered.length < headEnd + 4 + length) return;
    this.buffered = this.buffered.subarray(headEnd + 4 + length);
    const done = this.waiting;
    this.waiting = undefined;
    done?.(Number(head.slice(9, 12)));
  }
}

const pools = new Map<number, Connection[]>();

/**
 * Sends `count` requests over `connections` keep-alive connections, one
 * request in flight on each, and resolves when all are answered.
 */
export async function drive(target: Target, count: number, connections = 16): Promise<void> {
  let pool = pools.get(target.port);
  if (pool === undefined) {
    pool = await Promise.all(
      Array.from({ length: connections }, () => Connection.open(target.port)),
    );
    pools.set(target.port, pool);
  }
  const request = bytesOf(target);
  let left = count;
  const worker = async (connection: Connection) => {
    while (left > 0) {
      left--;
      const status = await connection.send(request);
      if (status !== target.status) {
        throw new Error(`${target.method} ${target.path} answered ${status}, not ${target.status}`);
      }
    }
  };
  await Promise.all(pool.map(worker));
}

/** Closes the connections to a server about to stop. */
export function disconnect(port: number): void {
  for (const connection of pools.get(port) ?? []) connection.close();
  pools.delete(port);
}

function bytesOf(target: Target): Buffer {
  const lines = [`${target.method} ${target.path} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [name, value] of Object.entries(target.headers ?? {})) lines.push(`${name}: ${value}`);
  if (target.body !== undefined) {
    lines.push(
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(target.body)}`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${target.body ?? ''}`);
}
