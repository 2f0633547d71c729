import {
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type LineCounter,
  type ScalarTag,
} from 'yaml';
import type { ContentProblem } from './problems';

/**
 * What `npm run new` leaves for an author to write is marked `!todo`: as a YAML tag before a
 * whole value (`title: !todo the name of the page, in fr`), or as a word inside a text
 * (`- [!todo the words of the link, in fr](about)`). The check rejects every mark it finds, so
 * a skeleton can never be served by accident.
 */
export const PLACEHOLDER = '!todo';

/** Reads a `!todo` value as the text after the mark, so the rest of the check still applies. */
export const placeholderTag: ScalarTag = {
  tag: PLACEHOLDER,
  resolve: (value: string) => value,
};

const BLOCK_TYPES = ['BLOCK_LITERAL', 'BLOCK_FOLDED'];

/** `fr.answers.u-yes`, `options.1`: where a value sits, as authors read it in messages. */
function keyPathOf(ancestors: readonly unknown[], node: unknown): string {
  const keys: string[] = [];
  const chain = [...ancestors, node];
  chain.forEach((item, index) => {
    if (isPair(item) && isScalar(item.key)) keys.push(String(item.key.value));
    if (isSeq(item)) keys.push(String(item.items.indexOf(chain[index + 1] as never)));
  });
  return keys.join('.');
}

/** Every `!todo` left in a parsed file, each at its own line. */
export function placeholderProblems(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || !node.range) return;
      const where = keyPathOf(ancestors, node);
      const line = lineCounter.linePos(node.range[0]).line;
      if (node.tag === PLACEHOLDER) {
        const message = `${where} is still a placeholder: write it, then delete "${PLACEHOLDER}"`;
        problems.push({ file, line, message });
        return;
      }
      if (typeof node.value !== 'string') return;
      // In a block of text, each mark at its own line: the block starts on the line after its key.
      const lines = node.value.split('\n');
      const first = BLOCK_TYPES.includes(node.type ?? '') ? line + 1 : line;
      lines.forEach((text, index) => {
        if (!text.includes(PLACEHOLDER)) return;
        const message = `${where} is still a placeholder here: write these words, then delete "${PLACEHOLDER}"`;
        problems.push({ file, line: first + index, message });
      });
    },
  });
  return problems;
}
