import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a post comes from another site. Browsers say where a form was sent from: `Origin`
 * names the page's origin, `Sec-Fetch-Site` how it relates to this server. When present, the
 * origin must be the site's public one (BASE_URL, never the Host header), which is also what a
 * static export on another host sends; without an origin, the browser must call the post
 * same-origin. A client that sends neither is no browser a site could trick into posting.
 */
export function isCrossSite(headers: IncomingHttpHeaders, siteOrigin: string): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return origin !== siteOrigin;
  const fetchSite = headers['sec-fetch-site'];
  return fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
}
