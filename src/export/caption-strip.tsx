import type { Caption } from './caption';

/** The strip drawn under every exported image, so a picture pasted in a slide still says what it is. */
export function CaptionStrip({ caption }: { caption: Caption }) {
  return (
    <div className="export-caption">
      <p className="export-caption-title">
        <strong>{caption.title}</strong> · {caption.subject}
      </p>
      <p>{caption.filters}</p>
      <p>{caption.outlets}</p>
      <p className="export-caption-meta">
        {caption.dataset} · {caption.madeAt}
      </p>
    </div>
  );
}
