/**
 * What the entity-page planners share (wiring, transforms/legacy-entity-page.ts;
 * removal, transforms/legacy-entity-page-remove.ts): the requests and plans,
 * create-app's constants, and how a file's entity pages are read.
 */
import type { JSXElement, VariableDeclarator } from '@babel/types';
import type { TextChange } from './changes';
import type { AppFile } from './app-file';
import { childElements, elementName, findElements, jsxOf } from './jsx';

export interface EntityRequest {
  readonly id: string;
  readonly packageName: string;
  /** The entity content's export name: a tab. */
  readonly content?: string;
  /** The entity card's export name: a card in the overview (used when there is no content). */
  readonly card?: string;
  /** The predicate's export name (`isCarmenAvailable`). */
  readonly predicate?: string;
  /** The pages to put a tab in, in order of preference groups (default: service and website, else default). */
  readonly pages?: readonly string[];
  /** The content belongs on the CI/CD tab (`cicdContent`), where the file has that switch and the package a predicate. */
  readonly cicd?: boolean;
  readonly title?: string;
}

export interface EntityPlacement {
  /** `serviceEntityPage` (a tab) or `overviewContent` (a card). */
  readonly where: string;
  readonly kind: 'tab' | 'card';
  readonly state: 'added' | 'present' | 'removed' | 'absent';
}

export interface EntityPagePlan {
  readonly changes: readonly TextChange[];
  readonly placements: readonly EntityPlacement[];
  /** Removing: uses of the views the app wrote in a form the tool does not, kept, each named with why. */
  readonly kept?: readonly string[];
}

export const OVERVIEW = 'overviewContent';
/** create-app's CI/CD switch, which the service and website pages' CI/CD tab renders. */
export const CICD = 'cicdContent';

/** A top-level JSX constant of the file: its declarator, its JSX, and whether a function makes it. */
export type JsxConstants = Map<string, { declarator: VariableDeclarator; element?: JSXElement; made?: boolean }>;

/** Top-level `const name = (<JSX />)` declarations, and `const name = () => (<JSX />)` (made by a function: `made`), by name. */
export function jsxConstants(app: AppFile): JsxConstants {
  const found: JsxConstants = new Map();
  for (const statement of app.ast.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier') continue;
      const init = declarator.init;
      found.set(declarator.id.name, { declarator, element: jsxOf(init), ...(init && init.type !== 'JSXElement' && jsxOf(init) ? { made: true } : {}) });
    }
  }
  return found;
}

/** The top-level children of `root` that render `local` somewhere inside. */
export function childrenRendering(root: JSXElement, local: string): JSXElement[] {
  return childElements(root).filter(child => findElements(child, local).length > 0);
}

/** create-app's CI/CD switch: `cicdContent`'s `<EntitySwitch>`, or the one switch in its `<Grid container>`. */
export function cicdSwitch(root: JSXElement | undefined): JSXElement | undefined {
  if (!root) return undefined;
  if (elementName(root) === 'EntitySwitch') return root;
  const children = childElements(root);
  return elementName(root) === 'Grid' && children.length === 1 && elementName(children[0]) === 'EntitySwitch' ? children[0] : undefined;
}

