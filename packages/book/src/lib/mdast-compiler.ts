/**
 * micromark's events to an mdast tree, with a configuration built once per
 * set of tree extensions. `fromMarkdown` of mdast-util-from-markdown builds
 * its `compiler` on every call (the handler maps merged with the
 * extensions', every handler a new closure, so V8 warms and optimizes that
 * code again), and allocates a new handler context for every event; it
 * exports neither the compiler nor a way to feed it events.
 *
 * This module keeps the same contract, so the extensions' handler maps
 * (`mdast-util-gfm-*`, `-math`, `-frontmatter`, `-mdx`) run on it unchanged:
 * - a handler is called with `this` = the compile context: `stack` (nodes
 *   being built, a `fragment` on top while a value is captured), `tokenStack`,
 *   `config` (the merged handler maps: extensions call the core `data`
 *   handlers through it), `data` (a store for one document), `enter`,
 *   `exit`, `buffer`, `resume` and the current event's `sliceSerialize`;
 * - a later extension's handler for a token type replaces an earlier one;
 *   `canContainEols` and `transforms` add up, `beforeEnter`/`afterExit`
 *   listeners see every token;
 * - lists get `listItem` tokens and their spread before the walk.
 * Here the handlers are module functions shared by every configuration, one
 * context object serves a whole document (its `sliceSerialize` set per
 * event), and `data` is new for each document. The tree is the one
 * `fromMarkdown` gives with the same extensions, positions and key order
 * included (differential test on every corpus chapter: `mdast-compiler.test.ts`).
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { CompileContext, Extension, Handle, Handles, OnEnterError, OnExitError, Transform } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Event, Token } from 'micromark-util-types';
import { withListItems } from './mdast-lists.js';

/** The merged configuration the handlers read as `this.config`. */
type Config = CompileContext['config'];
/** A node while it is built: any field may be set by a handler. */
type Building = Record<string, unknown> & { type: string; children?: Nodes[]; position?: { start: Place; end: Place | undefined } };
/** A unist point (micromark's points carry more fields). */
interface Place {
  line: number;
  column: number;
  offset: number;
}
/** The handler context, typed loosely: the nodes on the stack are being built. */
type Context = Omit<CompileContext, 'stack'> & { stack: Building[] };
type CoreHandle = (this: Context, token: Token) => undefined;

/** Events to a tree, for one set of tree extensions. */
export type CompileEvents = (events: Event[]) => Root;

/** A compiler for `extensions` (nested arrays as `mdastExtensions` takes them). */
export function createMdastCompiler(extensions: ReadonlyArray<Extension | Extension[]>): CompileEvents {
  const config = configure(extensions);
  return (events) => compile(config, events);
}

function configure(extensions: ReadonlyArray<Extension | Extension[]>): Config {
  const config: Config = {
    // No prototype: a token type is looked up as a key, and only own keys are handlers.
    enter: Object.assign(Object.create(null) as Handles, coreEnter),
    exit: Object.assign(Object.create(null) as Handles, coreExit),
    canContainEols: ['emphasis', 'fragment', 'heading', 'paragraph', 'strong'],
    transforms: [],
    beforeEnter: [],
    afterExit: [],
  };
  for (const extension of extensions.flat()) merge(config, extension);
  return config;
}

function merge(config: Config, extension: Extension): void {
  if (extension.canContainEols) config.canContainEols.push(...extension.canContainEols);
  if (extension.transforms) config.transforms.push(...extension.transforms);
  if (extension.beforeEnter) config.beforeEnter.push(extension.beforeEnter);
  if (extension.afterExit) config.afterExit.push(extension.afterExit);
  if (extension.enter) Object.assign(config.enter, extension.enter);
  if (extension.exit) Object.assign(config.exit, extension.exit);
}

function compile(config: Config, input: Event[]): Root {
  let tree: Root = { type: 'root', children: [], position: undefined };
  const context = { stack: [tree], tokenStack: [], config, enter, exit, buffer, resume, data: {}, sliceSerialize: undefined } as unknown as CompileContext;
  const events = withListItems(input);
  for (const [kind, token, tokenizer] of events) {
    context.sliceSerialize = tokenizer.sliceSerialize;
    if (kind === 'enter') callListeners(config.beforeEnter, context, token);
    const handle = config[kind][token.type];
    if (handle) handle.call(context, token);
    if (kind === 'exit') callListeners(config.afterExit, context, token);
  }
  const open = context.tokenStack.at(-1);
  if (open) (open[1] ?? notClosed).call(context, undefined, open[0]);
  const first = events[0]?.[1].start ?? { line: 1, column: 1, offset: 0 };
  const last = events.length > 0 ? events[events.length - 2]![1].end : { line: 1, column: 1, offset: 0 };
  tree.position = { start: pointOf(first), end: pointOf(last) };
  for (const transform of config.transforms as Transform[]) tree = transform(tree) ?? tree;
  return tree;
}

function callListeners(listeners: Handle[], context: CompileContext, token: Token): void {
  for (const listener of listeners) listener.call(context, token);
}

/** A unist point of a micromark point, its own object. */
function pointOf(point: Place): Place {
  return { line: point.line, column: point.column, offset: point.offset };
}

function place(token: Pick<Token, 'start' | 'end'>): string {
  return `${token.start.line}:${token.start.column}-${token.end.line}:${token.end.column}`;
}

/** The default for a token still open where another closes, or at the end of the document. */
function notClosed(left: Token | undefined, right: Token): undefined {
  if (left) throw new Error(`Cannot close \`${left.type}\` (${place(left)}): a different token (\`${right.type}\`, ${place(right)}) is open`);
  throw new Error(`Cannot close document, a token (\`${right.type}\`, ${place(right)}) is still open`);
}

// The context's methods (the contract's `enter`, `exit`, `buffer`, `resume`).

function enter(this: Context, node: Building, token: Token, onError?: OnEnterError | null): undefined {
  this.stack.at(-1)!.children!.push(node as Nodes);
  this.stack.push(node);
  this.tokenStack.push([token, onError ?? undefined]);
  node.position = { start: pointOf(token.start), end: undefined };
}

function exit(this: Context, token: Token, onError?: OnExitError | null): undefined {
  const node = this.stack.pop()!;
  const open = this.tokenStack.pop();
  if (!open) throw new Error(`Cannot close \`${token.type}\` (${place(token)}): it’s not open`);
  if (open[0].type !== token.type) {
    const context = this as unknown as CompileContext;
    if (onError) onError.call(context, token, open[0]);
    else (open[1] ?? notClosed).call(context, token, open[0]);
  }
  node.position!.end = pointOf(token.end);
}

/** Capture what follows (a label, a destination, code) in a fragment. */
function buffer(this: Context): undefined {
  this.stack.push({ type: 'fragment', children: [] });
}

/** Stop capturing: the fragment's text. */
function resume(this: Context): string {
  return toString(this.stack.pop() as unknown as Nodes);
}

// Core handlers. Node factories list their fields in mdast-util-from-markdown's order, `position` last.

/** A handle that opens a node made by `create`, then runs `and`. */
function opens(create: (token: Token) => Building, and?: CoreHandle): CoreHandle {
  return function (this: Context, token: Token): undefined {
    enter.call(this, create(token), token);
    if (and) and.call(this, token);
  };
}

/** A handle that runs `and`, then closes the open node. */
function closes(and?: CoreHandle): CoreHandle {
  return function (this: Context, token: Token): undefined {
    if (and) and.call(this, token);
    exit.call(this, token);
  };
}

const parent = (type: string) => (): Building => ({ type, children: [], position: undefined });
const withValue = (type: string) => (): Building => ({ type, value: '', position: undefined });
const code = (): Building => ({ type: 'code', lang: null, meta: null, value: '', position: undefined });
const definition = (): Building => ({ type: 'definition', identifier: '', label: null, title: null, url: '', position: undefined });
const heading = (): Building => ({ type: 'heading', depth: 0, children: [], position: undefined });
const hardBreak = (): Building => ({ type: 'break', position: undefined });
const image = (): Building => ({ type: 'image', title: null, url: '', alt: null, position: undefined });
const link = (): Building => ({ type: 'link', title: null, url: '', children: [], position: undefined });
const list = (token: Token): Building => ({ type: 'list', ordered: token.type === 'listOrdered', start: null, spread: token._spread, children: [], position: undefined });
const listItem = (token: Token): Building => ({ type: 'listItem', spread: token._spread, checked: null, children: [], position: undefined });
const thematicBreak = (): Building => ({ type: 'thematicBreak', position: undefined });

const top = (context: Context, depth = 1): Building => context.stack[context.stack.length - depth]!;

/** Text: a new text node unless the last sibling is one, which then grows. */
function enterData(this: Context, token: Token): undefined {
  const siblings = top(this).children!;
  let tail = siblings.at(-1) as Building | undefined;
  if (!tail || tail.type !== 'text') {
    tail = { type: 'text', value: '', position: { start: pointOf(token.start), end: undefined } };
    siblings.push(tail as Nodes);
  }
  this.stack.push(tail);
}

function exitData(this: Context, token: Token): undefined {
  const tail = this.stack.pop()!;
  tail['value'] += this.sliceSerialize(token);
  tail.position!.end = pointOf(token.end);
}

/** Set `field` of the node under the captured fragment to the fragment's text. */
const resumeInto = (field: string): CoreHandle =>
  function (this: Context): undefined {
    const value = resume.call(this);
    top(this)[field] = value;
  };

function enterListOrdered(this: Context): undefined {
  this.data.expectingFirstListItemValue = true;
}

function enterListItemValue(this: Context, token: Token): undefined {
  if (!this.data.expectingFirstListItemValue) return;
  top(this, 2)['start'] = Number.parseInt(this.sliceSerialize(token), 10);
  this.data.expectingFirstListItemValue = undefined;
}

/** The opening fence starts capturing the code; the closing fence changes nothing. */
function exitCodeFencedFence(this: Context): undefined {
  if (this.data.flowCodeInside) return;
  buffer.call(this);
  this.data.flowCodeInside = true;
}

function exitCodeFenced(this: Context): undefined {
  const value = resume.call(this);
  top(this)['value'] = value.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
  this.data.flowCodeInside = undefined;
}

function exitCodeIndented(this: Context): undefined {
  const value = resume.call(this);
  top(this)['value'] = value.replace(/(\r?\n|\r)$/g, '');
}

function identifierOf(context: Context, token: Token): string {
  return normalizeIdentifier(context.sliceSerialize(token)).toLowerCase();
}

function exitDefinitionLabelString(this: Context, token: Token): undefined {
  const label = resume.call(this);
  const node = top(this);
  node['label'] = label;
  node['identifier'] = identifierOf(this, token);
}

function exitAtxHeadingSequence(this: Context, token: Token): undefined {
  const node = top(this);
  if (!node['depth']) node['depth'] = this.sliceSerialize(token).length;
}

function exitSetextHeadingText(this: Context): undefined {
  this.data.setextHeadingSlurpLineEnding = true;
}

function exitSetextHeadingLineSequence(this: Context, token: Token): undefined {
  top(this)['depth'] = this.sliceSerialize(token).codePointAt(0) === 61 /* `=` */ ? 1 : 2;
}

function exitSetextHeading(this: Context): undefined {
  this.data.setextHeadingSlurpLineEnding = undefined;
}

/** A line ending: the end of a hard break, or text where the open node keeps line endings. */
function exitLineEnding(this: Context, token: Token): undefined {
  const node = top(this);
  if (this.data.atHardBreak) {
    node.children!.at(-1)!.position!.end = pointOf(token.end);
    this.data.atHardBreak = undefined;
    return;
  }
  if (!this.data.setextHeadingSlurpLineEnding && this.config.canContainEols.includes(node.type)) {
    enterData.call(this, token);
    exitData.call(this, token);
  }
}

function exitHardBreak(this: Context): undefined {
  this.data.atHardBreak = true;
}

/** A link or image: a reference when its label was not followed by a resource. */
function exitMedia(this: Context): undefined {
  const node = top(this);
  if (this.data.inReference) {
    node.type += 'Reference';
    node['referenceType'] = this.data.referenceType ?? 'shortcut';
    delete node['url'];
    delete node['title'];
  } else {
    delete node['identifier'];
    delete node['label'];
  }
  this.data.referenceType = undefined;
}

/** The label's text: kept on the link or image (under the fragment) in case it is a reference. */
function exitLabelText(this: Context, token: Token): undefined {
  const source = this.sliceSerialize(token);
  const node = top(this, 2);
  node['label'] = decodeString(source);
  node['identifier'] = normalizeIdentifier(source).toLowerCase();
}

/** A label ends: the link's children, or the image's alt text; a reference until a resource follows. */
function exitLabel(this: Context): undefined {
  const fragment = top(this);
  const value = resume.call(this);
  const node = top(this);
  this.data.inReference = true;
  if (node.type === 'link') node.children = fragment.children;
  else node['alt'] = value;
}

function exitResource(this: Context): undefined {
  this.data.inReference = undefined;
}

function enterReference(this: Context): undefined {
  this.data.referenceType = 'collapsed';
}

function exitReferenceString(this: Context, token: Token): undefined {
  const label = resume.call(this);
  const node = top(this);
  node['label'] = label;
  node['identifier'] = identifierOf(this, token);
  this.data.referenceType = 'full';
}

function exitCharacterReferenceMarker(this: Context, token: Token): undefined {
  this.data.characterReferenceType = token.type as 'characterReferenceMarkerNumeric' | 'characterReferenceMarkerHexadecimal';
}

function exitCharacterReferenceValue(this: Context, token: Token): undefined {
  const source = this.sliceSerialize(token);
  const kind = this.data.characterReferenceType;
  let value: string | false;
  if (kind) {
    value = decodeNumericCharacterReference(source, kind === 'characterReferenceMarkerNumeric' ? 10 : 16);
    this.data.characterReferenceType = undefined;
  } else {
    value = decodeNamedCharacterReference(source);
  }
  top(this)['value'] += value as string;
}

function exitCharacterReference(this: Context, token: Token): undefined {
  this.stack.pop()!.position!.end = pointOf(token.end);
}

function exitAutolinkProtocol(this: Context, token: Token): undefined {
  exitData.call(this, token);
  top(this)['url'] = this.sliceSerialize(token);
}

function exitAutolinkEmail(this: Context, token: Token): undefined {
  exitData.call(this, token);
  top(this)['url'] = 'mailto:' + this.sliceSerialize(token);
}

const capture = buffer as CoreHandle;

const coreEnter: Record<string, CoreHandle> = {
  autolink: opens(link),
  autolinkProtocol: enterData,
  autolinkEmail: enterData,
  atxHeading: opens(heading),
  blockQuote: opens(parent('blockquote')),
  characterEscape: enterData,
  characterReference: enterData,
  codeFenced: opens(code),
  codeFencedFenceInfo: capture,
  codeFencedFenceMeta: capture,
  codeIndented: opens(code, capture),
  codeText: opens(withValue('inlineCode'), capture),
  codeTextData: enterData,
  data: enterData,
  codeFlowValue: enterData,
  definition: opens(definition),
  definitionDestinationString: capture,
  definitionLabelString: capture,
  definitionTitleString: capture,
  emphasis: opens(parent('emphasis')),
  hardBreakEscape: opens(hardBreak),
  hardBreakTrailing: opens(hardBreak),
  htmlFlow: opens(withValue('html'), capture),
  htmlFlowData: enterData,
  htmlText: opens(withValue('html'), capture),
  htmlTextData: enterData,
  image: opens(image),
  label: capture,
  link: opens(link),
  listItem: opens(listItem),
  listItemValue: enterListItemValue,
  listOrdered: opens(list, enterListOrdered),
  listUnordered: opens(list),
  paragraph: opens(parent('paragraph')),
  reference: enterReference,
  referenceString: capture,
  resourceDestinationString: capture,
  resourceTitleString: capture,
  setextHeading: opens(heading),
  strong: opens(parent('strong')),
  thematicBreak: opens(thematicBreak),
};

const coreExit: Record<string, CoreHandle> = {
  atxHeading: closes(),
  atxHeadingSequence: exitAtxHeadingSequence,
  autolink: closes(),
  autolinkEmail: exitAutolinkEmail,
  autolinkProtocol: exitAutolinkProtocol,
  blockQuote: closes(),
  characterEscapeValue: exitData,
  characterReferenceMarkerHexadecimal: exitCharacterReferenceMarker,
  characterReferenceMarkerNumeric: exitCharacterReferenceMarker,
  characterReferenceValue: exitCharacterReferenceValue,
  characterReference: exitCharacterReference,
  codeFenced: closes(exitCodeFenced),
  codeFencedFence: exitCodeFencedFence,
  codeFencedFenceInfo: resumeInto('lang'),
  codeFencedFenceMeta: resumeInto('meta'),
  codeFlowValue: exitData,
  codeIndented: closes(exitCodeIndented),
  codeText: closes(resumeInto('value')),
  codeTextData: exitData,
  data: exitData,
  definition: closes(),
  definitionDestinationString: resumeInto('url'),
  definitionLabelString: exitDefinitionLabelString,
  definitionTitleString: resumeInto('title'),
  emphasis: closes(),
  hardBreakEscape: closes(exitHardBreak),
  hardBreakTrailing: closes(exitHardBreak),
  htmlFlow: closes(resumeInto('value')),
  htmlFlowData: exitData,
  htmlText: closes(resumeInto('value')),
  htmlTextData: exitData,
  image: closes(exitMedia),
  label: exitLabel,
  labelText: exitLabelText,
  lineEnding: exitLineEnding,
  link: closes(exitMedia),
  listItem: closes(),
  listOrdered: closes(),
  listUnordered: closes(),
  paragraph: closes(),
  referenceString: exitReferenceString,
  resourceDestinationString: resumeInto('url'),
  resourceTitleString: resumeInto('title'),
  resource: exitResource,
  setextHeading: closes(exitSetextHeading),
  setextHeadingLineSequence: exitSetextHeadingLineSequence,
  setextHeadingText: exitSetextHeadingText,
  strong: closes(),
  thematicBreak: closes(),
};
