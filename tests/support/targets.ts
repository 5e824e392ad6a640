// WCAG 2.2 success criterion 2.5.8, Target Size (Minimum), measured in the page:
// every link, button and form control is at least 24 by 24 CSS pixels, or a circle
// 24 pixels across, centred on it, touches no other target (the criterion's
// spacing exception). Links inside a sentence are exempt, as the criterion says.
import { expect, type Page } from '@playwright/test';

export async function checkTargetSizes(page: Page, where: string) {
  const problems = await page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      // Visually hidden until focused (the skip link): 1 pixel wide, not a target yet.
      return style.visibility !== "hidden" && style.display !== "none" && box.width > 1 && box.height > 1;
    };
    // A link in a line of text: its block's words are more than the link's own.
    const inSentence = (el: Element) => {
      if (el.tagName !== 'A') return false;
      const block = el.closest('p, li, dd, td, th, label, .nhsuk-hint, .nhsuk-body');
      if (!block) return false;
      const own = (el.textContent ?? '').trim().length;
      return (block.textContent ?? '').trim().length > own + 1 && getComputedStyle(el).display === 'inline';
    };
    const targets = [...document.querySelectorAll(selector)].filter(visible).filter((el) => !inSentence(el));
    const boxes = targets.map((el) => el.getBoundingClientRect());
    const describe = (el: Element, box: DOMRect) => {
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}" is ${box.width.toFixed(0)}x${box.height.toFixed(0)}`;
    };
    // The distance from a point to the nearest point of a box.
    const distance = (x: number, y: number, b: DOMRect) => Math.hypot(Math.max(b.left - x, 0, x - b.right), Math.max(b.top - y, 0, y - b.bottom));
    const small = (b: DOMRect) => b.width < 24 || b.height < 24;
    const out: string[] = [];
    boxes.forEach((box, i) => {
      if (!small(box)) return;
      const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
      for (let j = 0; j < boxes.length; j++) {
        if (j === i || targets[j].contains(targets[i]) || targets[i].contains(targets[j])) continue;
        const other = boxes[j];
        // Another small target's own circle counts too: centres at least 24 apart.
        const clash = small(other)
          ? Math.hypot(cx - (other.left + other.width / 2), cy - (other.top + other.height / 2)) < 24
          : distance(cx, cy, other) < 12;
        if (clash) {
          out.push(`${describe(targets[i], box)}, too close to ${describe(targets[j], other)}`);
          return;
        }
      }
    });
    return out;
  });
  expect(problems, `tap targets smaller than 24 x 24 px on the ${where} page at 360 px`).toEqual([]);
}
