import { embeddedFontCss } from '../../lib/embedded-fonts';

/** The brief sheet as a PNG data URL at twice its size, on white whatever the theme. */
export async function briefPng(node: HTMLElement): Promise<string> {
  const [{ domToPng }, cssText] = await Promise.all([import('modern-screenshot'), embeddedFontCss()]);
  await document.fonts.ready;
  return domToPng(node, { scale: 2, backgroundColor: '#ffffff', font: cssText ? { cssText } : false });
}
