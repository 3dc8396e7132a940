import { PinButton } from '../components/pin-button';
import { ProvenanceButton } from '../components/record-bits';
import { clipGraphemes } from '../lib/graphemes';
import { useSlideDialog } from './slide-dialog';

interface Props {
  id: string;
  /** The record's name in the buttons' accessible names. */
  label: string;
  /** Tells apart records of one label (quotes of one speaker). */
  detail?: string;
  onOpen: (id: string) => void;
}

/** The actions every record carries, wherever it is listed: its sources, Pin, and its slide. */
export function RecordActions({ id, label, detail, onOpen }: Props) {
  const slides = useSlideDialog();
  const words = detail?.replace(/\s+/g, ' ').trim();
  const name = words ? `${label}: “${clipGraphemes(words, 60)}”` : label;
  return (
    <>
      <ProvenanceButton id={id} label={name} onOpen={onOpen} />
      <PinButton id={id} label={label} detail={detail} />
      {slides ? (
        <button
          type="button"
          className="link-button"
          aria-label={`Download slide of ${name}`}
          data-export-hide
          onClick={() => {
            const row = slides.index.rowById.get(id);
            if (!row) return;
            slides.open({
              label,
              make: async (madeAt) => {
                const { finishSlide, recordSlideContent, slideBook } = await import('./slide-model');
                const book = slideBook(slides.index);
                return finishSlide(slides.index, book, recordSlideContent(slides.index, book, row), madeAt);
              },
            });
          }}
        >
          Slide
        </button>
      ) : null}
    </>
  );
}
