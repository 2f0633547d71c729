import { requiredText, type ContentNode, type Language } from '../content/tree';
import type { Translate } from './i18n';
import {
  generatedPath,
  homeCrumb,
  layoutView,
  textOf,
  translator,
  type RenderContext,
} from './layout';
import { boxLines, diagramChildren, OVERVIEW_ROOT, type OverviewLayout } from './overview';
import { verdictOf } from './verdicts';

/** One node of the nested lists that stand beside the diagram. */
interface ListItem {
  title: string;
  /** For options: the answer that leads here. */
  answer?: string;
  path: string;
  /** The question it asks, or its verdict. */
  then?: string;
  kind: string;
  children: ListItem[];
}

/** The marker kind of a box or list item: its verdict, or that it asks a question. */
function markerOf(node: ContentNode, language: Language, t: Translate): string {
  if (node.options.length > 0) return 'question';
  return verdictOf(node, language, t)?.kind ?? node.kind;
}

function listItem(
  context: RenderContext,
  node: ContentNode,
  language: Language,
  t: Translate,
): ListItem {
  const text = textOf(node, language);
  return {
    title: node.kind === 'outcome' ? requiredText(node, language, 'condition') : text.heading,
    answer: node.previous ? textOf(node.previous, language).answers[node.id] : undefined,
    path: text.path,
    then: text.question ?? verdictOf(node, language, t)?.short,
    kind: markerOf(node, language, t),
    children: diagramChildren(node, context.tree).map((child) =>
      listItem(context, child, language, t),
    ),
  };
}

export function renderOverviewPage(
  context: RenderContext,
  language: Language,
  overview: OverviewLayout,
): string {
  const t = translator(context, language);
  const { tree } = context;
  const root = tree.byId.get(OVERVIEW_ROOT);
  const boxes = overview.nodes.flatMap((node) => {
    const box = overview.boxes.get(node.id);
    if (!box) return [];
    const lines = boxLines(node, language, t);
    return [
      {
        ...box,
        path: textOf(node, language).path,
        kind: markerOf(node, language, t),
        // The first lines name the node; the rest say what it asks or its verdict.
        lines: lines.map((line, index) => ({ text: line, y: box.y + 22 + index * 17 })),
      },
    ];
  });
  return context.views.render('pages/overview.njk', {
    ...layoutView(context, language, {
      title: t('overview.title'),
      description: t('overview.description'),
      pathIn: (other) => generatedPath(context, 'overview', other),
      breadcrumb: [homeCrumb(context, language)],
      current: t('overview.title'),
    }),
    diagram: { width: overview.width, height: overview.height, boxes, edges: overview.edges },
    list: root ? listItem(context, root, language, t) : undefined,
  });
}
