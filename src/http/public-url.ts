import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/** Listening on every interface: links name this machine instead. */
const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Where links handed out (invitations, calendar feeds) point: PUBLIC_URL
 * (required in production), otherwise the address the server listens on,
 * with the real port when PORT=0. Never the request's Host header: anyone
 * can send `Host: evil.example` and have Confer hand out a link to it.
 */
export function publicOrigin(app: FastifyInstance, config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  // A string address is a Unix socket: no port to name.
  const bound = app.addresses().find((a) => typeof a !== 'string');
  const port = typeof bound === 'object' ? bound.port : config.port;
  const host = wildcardHosts.has(config.host) ? 'localhost' : config.host;
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${hostPart}:${port}`;
}
