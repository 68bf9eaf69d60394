import type * as vscode from 'vscode';

/**
 * Shows a quick pick built by the caller (its items may change as the user types or
 * presses an item's button) and resolves with `valueOf` of the item accepted, or
 * undefined when it is hidden without one. The pick is disposed either way.
 */
export function quickPickResult<T extends vscode.QuickPickItem, R>(
  pick: vscode.QuickPick<T>,
  valueOf: (item: T) => R,
): Promise<R | undefined> {
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      resolve(item === undefined ? undefined : valueOf(item));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
