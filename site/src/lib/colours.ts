// Category colours are chosen by editors, so the site works out, at build time, what can be
// written on them and a pale tint of them that dark text stays readable on (WCAG 2.2, 1.4.3).

const FALLBACK = '#4a4a4f';

const rgbOf = (hex: string): [number, number, number] | null => {
  const m = /^#?([\da-f]{3}|[\da-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
};

const hexOf = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG 2.x). */
export const luminance = (hex: string): number => {
  const rgb = rgbOf(hex) ?? rgbOf(FALLBACK)!;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

export interface CategoryColours {
  /** The editor's colour, or a neutral grey when it is missing or not a hex colour. */
  colour: string;
  /** White or black, whichever reads better on `colour` (always at least 4.58:1). */
  onColour: string;
  /** The colour mixed with 88% white: a card background dark text reads well on. */
  tint: string;
}

export const categoryColours = (colour: string | null | undefined): CategoryColours => {
  const base = colour && rgbOf(colour) ? hexOf(rgbOf(colour)!) : FALLBACK;
  const onColour = contrast(base, '#ffffff') >= contrast(base, '#000000') ? '#ffffff' : '#000000';
  const tint = hexOf(rgbOf(base)!.map((c) => c * 0.12 + 255 * 0.88));
  return { colour: base, onColour, tint };
};
