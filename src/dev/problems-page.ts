import type { RequestListener } from 'node:http';
import { pathLogger } from '../http/access-log';
import { sendPreparedByHand } from '../http/by-hand';
import { escapeMarkup as escapeHtml } from '../lib/escape';
import { prepare } from '../lib/prepared';
import type { Logger } from '../logger';

/**
 * In development, what every address shows while the site cannot be built: each problem as
 * `file:line: what is wrong`, in the author's words. Plain HTML with no template, so a broken
 * template cannot break it too; every line escaped, since it quotes what the author wrote.
 */
export function renderProblemsPage(problems: readonly string[]): string {
  const items = problems.map((problem) => `<li><code>${escapeHtml(problem)}</code></li>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site cannot be shown: ${problems.length} problem(s)</title>
</head>
<body>
<main>
<h1>The site cannot be shown: ${problems.length} problem(s)</h1>
<p>Fix each one in its file and save. The site comes back as soon as they are all fixed: then reload this page.</p>
<ul>
${items.join('\n')}
</ul>
<p>The guide to the content format and to each message: <code>content/README.md</code>.</p>
</main>
</body>
</html>
`;
}

/** Answers every request with the problems page (500, never cached). */
export function problemsApp(problems: readonly string[], logger: Logger): RequestListener {
  const page = prepare({
    body: renderProblemsPage(problems),
    contentType: 'text/html; charset=utf-8',
    status: 500,
    cacheControl: 'no-store',
  });
  return (req, res) =>
    sendPreparedByHand(req, res, page, pathLogger(logger, req), performance.now());
}
