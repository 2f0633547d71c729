import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import {
  answerWords,
  textIn,
  type ContentNode,
  type ContentTree,
  type Language,
} from '../content/tree';
import type { Translate } from './i18n';
import { layoutInWorker } from './layout-worker';
import { verdictOf } from './verdicts';

/**
 * « Aperçu du wizard »: every profile, task, question and outcome as one diagram, laid out by
 * elkjs once at start, on a worker thread. The boxes are sized for the longest label in any language, so one
 * layout serves every language and each only writes its own words into the boxes.
 */

const CHAR_WIDTH = 7.2;
const LINE_HEIGHT = 17;
const PADDING = 10;
const WRAP_AT = 34;

export interface DiagramBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverviewLayout {
  width: number;
  height: number;
  boxes: ReadonlyMap<string, DiagramBox>;
  /** SVG path data of each edge, from parent to child. */
  edges: { id: string; d: string }[];
  /** The nodes of the diagram, in reading order: profiles, their tasks, and what follows. */
  nodes: ContentNode[];
}

/** The diagram's root: the profile chooser. */
export const OVERVIEW_ROOT = 'start';

/** Breaks a label into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width = WRAP_AT): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** What a box says: the node's name, then its question or its verdict. */
export function boxLines(node: ContentNode, language: Language, t: Translate): string[] {
  const text = textIn(node, language);
  const name =
    node.kind === 'outcome' && node.previous
      ? answerWords(node.previous, node, language)
      : text.heading;
  const then = text.question ?? verdictOf(node, language, t)?.short;
  return [...wrap(name), ...(then ? wrap(then) : [])];
}

/** The nodes below `node` in the diagram. */
export function diagramChildren(node: ContentNode, tree: ContentTree): ContentNode[] {
  if (node.id === OVERVIEW_ROOT) return tree.profiles;
  if (node.kind === 'profile') return node.tasks;
  if (node.kind === 'task' || node.kind === 'outcome') return node.options;
  return [];
}

function diagramNodes(tree: ContentTree): ContentNode[] {
  const root = tree.byId.get(OVERVIEW_ROOT);
  if (!root) return [];
  const order = [root];
  for (let index = 0; index < order.length; index++) {
    order.push(...diagramChildren(order[index] as ContentNode, tree));
  }
  return order;
}

function pathData(section: {
  startPoint: { x: number; y: number };
  endPoint: { x: number; y: number };
  bendPoints?: { x: number; y: number }[];
}): string {
  const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
  return points
    .map((p, index) => `${index === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join(' ');
}

export async function layoutOverview(
  tree: ContentTree,
  translators: Readonly<Record<string, Translate>>,
): Promise<OverviewLayout> {
  const nodes = diagramNodes(tree);
  const size = (node: ContentNode) => {
    const lines = tree.languages.map((language) => {
      const t = translators[language.code];
      return t ? boxLines(node, language, t) : [];
    });
    const longest = Math.max(1, ...lines.flat().map((line) => line.length));
    const count = Math.max(1, ...lines.map((l) => l.length));
    return {
      width: Math.ceil(longest * CHAR_WIDTH + 2 * PADDING),
      height: count * LINE_HEIGHT + 2 * PADDING,
    };
  };
  const edges = nodes.flatMap((node) =>
    diagramChildren(node, tree).map((child) => ({
      id: `${node.id}>${child.id}`,
      sources: [node.id],
      targets: [child.id],
    })),
  );
  const input: ElkNode = {
    id: 'overview',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      // Keep the content's order (profiles, then tasks as listed) from top to bottom.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '14',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: nodes.map((node) => ({ id: node.id, ...size(node) })),
    edges,
  };
  const graph = await layoutInWorker(input);
  const boxes = new Map<string, DiagramBox>();
  for (const child of graph.children ?? []) {
    boxes.set(child.id, {
      id: child.id,
      x: child.x ?? 0,
      y: child.y ?? 0,
      width: child.width ?? 0,
      height: child.height ?? 0,
    });
  }
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    boxes,
    edges: (graph.edges ?? []).flatMap((edge) =>
      (edge.sections ?? []).map((section) => ({ id: edge.id, d: pathData(section) })),
    ),
    nodes,
  };
}
