/**
 * The bare Socket.IO baseline: a server that only relays a payload to everyone in one room and
 * acks. No validation, no roles, no storage. Oogst's fan-out is compared against this.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const server = http.createServer();
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 2 * 1024 * 1024 });
io.on('connection', (socket) => {
  void socket.join('all');
  socket.on('relay', (payload: unknown, ack?: (r: unknown) => void) => {
    io.to('all').emit('note', payload);
    if (typeof ack === 'function') ack({ ok: true, data: null });
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`bare Socket.IO relay running at http://localhost:${(server.address() as AddressInfo).port}`);
});

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) process.on('SIGUSR2', () => gc());
