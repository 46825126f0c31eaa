import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** One server → client text frame (servers never mask, RFC 6455 §5.1). */
function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65536
        ? Buffer.from([0x81, 126, length >> 8, length & 255])
        : Buffer.concat([
            Buffer.from([0x81, 127]),
            Buffer.alloc(4),
            Buffer.from([(length >>> 24) & 255, (length >>> 16) & 255, (length >>> 8) & 255, length & 255]),
          ]);
  return Buffer.concat([head, payload]);
}

/** Decodes the client's masked frames from `buffer`; returns text messages, pings answered by the caller. */
function readFrames(buffer: Buffer): { messages: { opcode: number; data: Buffer }[]; rest: Buffer } {
  const messages: { opcode: number; data: Buffer }[] = [];
  let at = 0;
  while (buffer.length - at >= 2) {
    const opcode = buffer[at]! & 15;
    let length = buffer[at + 1]! & 127;
    let offset = at + 2;
    if (length === 126) {
      if (buffer.length < offset + 2) break;
      length = buffer.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      if (buffer.length < offset + 8) break;
      length = Number(buffer.readBigUInt64BE(offset));
      offset += 8;
    }
    const masked = (buffer[at + 1]! & 128) !== 0;
    const maskAt = offset;
    if (masked) offset += 4;
    if (buffer.length < offset + length) break;
    const data = Buffer.from(buffer.subarray(offset, offset + length));
    if (masked) for (let i = 0; i < data.length; i++) data[i]! ^= buffer[maskAt + (i % 4)]!;
    messages.push({ opcode, data });
    at = offset + length;
  }
  return { messages, rest: buffer.subarray(at) };
}

/**
 * A minimal Socket Mode endpoint on 127.0.0.1: accepts the WebSocket the
 * Socket Mode client opens (the URL apps.connections.open returned), says
 * hello, and lets a test send envelopes and read the acks.
 */
export async function startFakeSocket() {
  const received: Record<string, unknown>[] = [];
  let socket: Duplex | undefined;
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const server: Server = createServer((_, res) => res.writeHead(404).end());
  server.on('upgrade', (req, sock: Duplex) => {
    const accept = createHash('sha1')
      .update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
      .digest('base64');
    sock.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket = sock;
    let pending = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      const { messages, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = Buffer.from(rest);
      for (const m of messages) {
        if (m.opcode === 1) received.push(JSON.parse(m.data.toString()) as Record<string, unknown>);
        else if (m.opcode === 9) sock.write(Buffer.concat([Buffer.from([0x8a, m.data.length]), m.data]));
        else if (m.opcode === 8) sock.end(Buffer.from([0x88, 0]));
      }
    });
    sock.on('error', () => {});
    sock.write(
      frame(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A1' },
        }),
      ),
    );
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    ready,
    received,
    send: (envelope: Record<string, unknown>) => socket!.write(frame(JSON.stringify(envelope))),
    close: () =>
      new Promise<void>((resolve) => {
        socket?.destroy();
        server.close(() => resolve());
      }),
  };
}
