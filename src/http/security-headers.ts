import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** A year: what HSTS preload lists ask for. */
const HSTS_MAX_AGE_SECONDS = 365 * 86_400;

/**
 * The policy for the web app, the API and the docs. The SPA is built by Vite
 * into same-origin module scripts and stylesheets, so nothing inline is
 * needed; photos are same-origin, previews are blob: or data: URLs, and live
 * updates use an EventSource on the same origin. No one may frame Confer.
 */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
  },
};

/**
 * Swagger UI (at /api/docs) sets style attributes from its scripts and in its
 * markup; it alone gets inline styles. Its plugin applies this to its own routes.
 */
export const docsContentSecurityPolicy = `${Object.entries({
  ...contentSecurityPolicy.directives,
  styleSrc: ["'self'", "'unsafe-inline'"],
})
  .map(
    ([name, values]) =>
      `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`,
  )
  .join('; ')};`;

/**
 * An email shown to an admin in the Mailbox, in a frame of the app: its own
 * inline styles and remote images as a mail program shows them, nothing that
 * runs (no scripts, forms or plugins: `sandbox`), framed only by Confer.
 */
export const emailPreviewContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'; sandbox";

/**
 * Security headers on every response (helmet: CSP, nosniff, Referrer-Policy,
 * X-Frame-Options, …). HSTS only over HTTPS, which behind a TLS proxy means
 * the trusted proxy said so (TRUST_PROXY): over plain HTTP it would be ignored
 * at best, and it must never pin a development address to HTTPS.
 */
export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
    }
  });
}
