import { answerWords, requiredText, textIn, type ContentNode } from '../../src/content/tree';
import { tree } from '../helpers';

/** A node as the tree holds it, with one language's text taken away or a field left out. */
function without(node: ContentNode, change: (text: ContentNode['text']) => void): ContentNode {
  const text = Object.fromEntries(Object.entries(node.text).map(([code, t]) => [code, { ...t }]));
  change(text);
  return { ...node, text };
}

/** The same texts, but for one language. */
const allBut = (code: string) => (text: ContentNode['text']) => {
  for (const key of Object.keys(text)) if (key === code) Reflect.deleteProperty(text, key);
};

const task = tree.nodes.find((node) => node.kind === 'task' && node.options.length > 0);
const [language] = tree.languages;

describe('reading a text of the tree', () => {
  it('gives the text the content holds', () => {
    expect(task && language && textIn(task, language).title).toBeTruthy();
    expect(task && language && requiredText(task, language, 'question')).toBeTruthy();
  });

  it('fails loudly, naming the file and the language, on a language the node lacks', () => {
    if (!task || !language) throw new Error('no task that asks');
    const node = without(task, allBut(language.code));
    expect(() => textIn(node, language)).toThrow(`${task.file}: no "${language.code}" text`);
  });

  it('fails loudly, naming the file and the field, on a field left out, rather than render a blank', () => {
    if (!task || !language) throw new Error('no task that asks');
    const node = without(task, (text) => {
      const own = text[language.code];
      if (own) delete own.question;
    });
    expect(() => requiredText(node, language, 'question')).toThrow(
      `${task.file}: ${language.code}.question is missing`,
    );
    const [option] = task.options;
    const silent = without(task, (text) => {
      const own = text[language.code];
      if (own) own.answers = {};
    });
    expect(() => option && answerWords(silent, option, language)).toThrow(
      `no words for the option "${option?.id ?? ''}"`,
    );
  });
});
