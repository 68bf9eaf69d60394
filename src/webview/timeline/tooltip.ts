// The card shown over a mark on hover or keyboard focus. Built with textContent only:
// quotes come from the user's documents and are never markup.

import type { PlacedItem } from './model';
import { describeHeading, describeLines } from './describe';
import { colourClass } from './layout';

const GAP = 12;

export class Tooltip {
  readonly element: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.element = document.createElement('div');
    this.element.id = 'timeline-tooltip';
    this.element.className = 'tooltip';
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
    parent.append(this.element);
  }

  /** Shows the card beside `anchor` (a client rectangle), kept inside the window. */
  show(p: PlacedItem, anchor: { left: number; top: number; right: number; bottom: number }): void {
    const el = this.element;
    el.replaceChildren();
    const heading = document.createElement('div');
    heading.className = `tooltip-heading ${colourClass(p.item)}${p.item.status === 'suggested' ? ' suggested' : ''}`;
    heading.textContent = describeHeading(p.item);
    el.append(heading);
    for (const line of describeLines(p)) {
      const row = document.createElement('div');
      row.className = line.label ? 'tooltip-line' : 'tooltip-quote';
      if (line.label) {
        const label = document.createElement('span');
        label.className = 'tooltip-label';
        label.textContent = `${line.label}: `;
        row.append(label);
      }
      row.append(document.createTextNode(line.text));
      el.append(row);
    }
    el.hidden = false;
    const box = el.getBoundingClientRect();
    const maxX = window.innerWidth - box.width - 4;
    const maxY = window.innerHeight - box.height - 4;
    let left = anchor.right + GAP;
    if (left > maxX) left = anchor.left - GAP - box.width;
    let top = anchor.top - 4;
    if (top > maxY) top = maxY;
    // CSSOM, not a style attribute: the page's CSP allows styles from the stylesheet only.
    el.style.setProperty('left', `${Math.max(4, Math.min(left, maxX))}px`);
    el.style.setProperty('top', `${Math.max(4, top)}px`);
  }

  hide(): void {
    this.element.hidden = true;
  }
}
