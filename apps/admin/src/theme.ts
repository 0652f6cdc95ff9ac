import {
  createTheme,
  Drawer,
  defaultVariantColorsResolver,
  Modal,
  Notification,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Light variants (badges) on the palest tint with the darkest text, outlined ones in the darkest
 * shade, which read at WCAG AA; Mantine's own shades fall short of it.
 */
const readableLightVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'outline') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  if (input.variant === 'outline') {
    // outlined text sits on white or a striped row: the darkest shade reads on both
    const text = `var(--mantine-color-${parsed.color}-9)`;
    return { ...colors, color: text, hoverColor: text, border: `1px solid ${text}` };
  }
  // yellows and oranges are too light at any shade of their own
  const text = ['yellow', 'orange', 'lime'].includes(parsed.color)
    ? 'var(--mantine-color-dark-6)'
    : `var(--mantine-color-${parsed.color}-9)`;
  return {
    ...colors,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
    color: text,
    hoverColor: text,
  };
};

/**
 * The console's theme: shades dark enough for white text and for text on white (WCAG AA), which
 * Mantine's defaults (blue 6, the dimmed gray, light variants) are not; close buttons named in the
 * reader's language.
 */
export function consoleTheme(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    primaryColor: 'blue',
    primaryShade: 8,
    autoContrast: true,
    variantColorResolver: readableLightVariants,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    components: {
      Notification: Notification.extend({
        defaultProps: { closeButtonProps },
        // the message under a title is gray 6 by default, too light on white
        styles: { description: { color: 'var(--mantine-color-gray-8)' } },
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}
