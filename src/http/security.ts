import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

// This site ships no JavaScript and loads nothing from elsewhere, so the policy can be this strict.
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
};

// Features a help site never needs: denied to this page and anything it could embed.
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'sync-xhr',
  'usb',
  'web-share',
  'xr-spatial-tracking',
];

/**
 * The security headers of every response, computed once by letting helmet set them on a
 * recording response. Pages, assets and errors all get exactly this set.
 */
type SecurityHeaders = Readonly<Record<string, string>>;

function computeSecurityHeaders(): SecurityHeaders {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  } as unknown as ServerResponse;
  helmet({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: { maxAge: 63072000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  })({} as IncomingMessage, recorder, () => {});
  headers['permissions-policy'] = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');
  return headers;
}

/** The one set, shared by every path that answers: fast path, Express, guards, client errors. */
export const SECURITY_HEADERS: SecurityHeaders = computeSecurityHeaders();

/**
 * Sets the security headers on every response that goes through Express; the responses
 * written by hand get the same through `by-hand.ts`.
 */
export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    for (const name in SECURITY_HEADERS) res.setHeader(name, SECURITY_HEADERS[name] as string);
    next();
  };
}
