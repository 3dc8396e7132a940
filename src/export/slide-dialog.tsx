import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { PinnedPanel } from '../components/pin-button';
import type { DatasetIndex } from '../dataset/indexes';
import type { Slide } from './slide-model';

/** The dialog and what draws its slide (the slide view, the PNG writer) load the first time a slide is asked for. */
const loadDialog = () => import('./slide-dialog-view');
const SlideDialog = lazy(() => loadDialog().then((m) => ({ default: m.SlideDialog })));

/** A slide to offer: made when asked, so its "made at" is the moment of the download; the slide code loads then. */
export interface SlideRequest {
  /** What the slide is of, for the dialog's name and the file name. */
  label: string;
  make: (madeAt: Date) => Promise<Slide>;
  /** A panel's slide: the panel as it would be pinned to the deck now. */
  pin?: PinnedPanel;
}

type Open = (request: SlideRequest) => void;

interface SlideApi {
  open: Open;
  /** The dataset the slides are made of (record slides are built from it). */
  index: DatasetIndex;
}

const SlideContext = createContext<SlideApi | null>(null);

/** Opens the slide dialog; null outside a SlideDialogHost (no slide actions are shown then). */
export const useSlideDialog = () => useContext(SlideContext);

/** Holds the one slide dialog of the page: the headline to edit, a preview, and the downloads. */
export function SlideDialogHost({ index, children }: { index: DatasetIndex; children: ReactNode }) {
  const [request, setRequest] = useState<{ req: SlideRequest; slide: Slide; from: HTMLElement | null } | null>(null);
  const open = useCallback<Open>((req) => {
    const from = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The dialog's code and the slide's load side by side.
    void loadDialog();
    void req.make(new Date()).then(
      (slide) => setRequest({ req, slide, from }),
      // Thrown while rendering, as a slide made in the dialog's render would be.
      (e: unknown) =>
        setRequest(() => {
          throw e;
        }),
    );
  }, []);
  const close = useCallback(() => {
    const from = request?.from;
    setRequest(null);
    window.setTimeout(() => from?.isConnected && from.focus(), 0);
  }, [request]);
  const api = useMemo(() => ({ open, index }), [open, index]);
  return (
    <SlideContext.Provider value={api}>
      {children}
      {request ? (
        <Suspense fallback={null}>
          <SlideDialog request={request.req} base={request.slide} onClose={close} />
        </Suspense>
      ) : null}
    </SlideContext.Provider>
  );
}

