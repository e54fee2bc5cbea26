import QRCode from 'qrcode';

/**
 * A QR code of `text` as inline SVG, made at build time: a printed poster needs no script, and a
 * crisp vector prints sharp at any size. Level M survives a little dirt or a crease on the door.
 */
export const qrSvg = (text: string): Promise<string> => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
