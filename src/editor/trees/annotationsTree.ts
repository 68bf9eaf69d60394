import * as vscode from 'vscode';

/**
 * The Annotations view. Until a document has annotations it has no items, so VS Code
 * shows the view's welcome content (contributed in package.json).
 */
export class AnnotationsTreeProvider implements vscode.TreeDataProvider<never> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
