import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';

export interface SentRequest {
  method?: string;
  path: string;
  /** A record, or raw `[name, value]` pairs to send a header more than once. */
  headers?: OutgoingHttpHeaders | [string, string][];
  body?: string | Buffer;
}

export interface ReceivedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON; throws when it is not JSON. */
  json(): any;
}

/**
 * A plain node:http client, so tests control every byte of the request:
 * duplicate headers, odd values, bodies with a lying Content-Type.
 */
export function send(baseUrl: string, req: SentRequest): Promise<ReceivedResponse> {
  const url = new URL(baseUrl);
  // Raw header pairs are sent as they are, so Node adds no Host header to them.
  const headers = Array.isArray(req.headers)
    ? [['host', url.host], ...req.headers].flat()
    : { ...req.headers };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: headers as OutgoingHttpHeaders,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    outgoing.on('error', reject);
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}

/** Sends a JSON body with the right Content-Type. */
export function sendJson(
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): Promise<ReceivedResponse> {
  return send(baseUrl, {
    method,
    path,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
