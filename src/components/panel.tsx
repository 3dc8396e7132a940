import { Component, createContext, useContext, useId, type ErrorInfo, type ReactNode } from 'react';

interface BoundaryProps {
  name: string;
  children: ReactNode;
  /** Changing this (e.g. the dataset or the filters) gives the panel another try. */
  resetKey?: unknown;
}

interface BoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/** One panel's failure stays in that panel; the rest of the page keeps working. */
export class PanelBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`Panel “${this.props.name}” failed:`, error.message, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <div className="panel-error" role="alert">
          <strong>{this.props.name} could not be shown.</strong> {this.state.error.message}
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

/** Extra actions every panel inside the provider gets (the dashboard's Export menu); none by default. */
export const PanelTools = createContext<((panel: { id?: string; title: string }) => ReactNode) | null>(null);

interface PanelProps {
  title: string;
  /** The panel's stable id in the export registry (its table, its print block). */
  panelId?: string;
  /** False keeps the PanelTools actions (Export) off this panel. */
  exportable?: boolean;
  subtitle?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
  resetKey?: unknown;
  id?: string;
}

/**
 * The place a panel has on the page, given by the page: its id (the nav's link target and the
 * layout's key), whether it is folded, and how to fold it. A panel outside any slot cannot fold.
 */
export interface PanelSlotValue {
  id: string;
  collapsed: boolean;
  onFold: (collapsed: boolean) => void;
  /** The panel after this one, so a long panel can be skipped in one keystroke. */
  next?: { id: string; title: string };
}

export const PanelSlot = createContext<PanelSlotValue | null>(null);

export const panelElementId = (slotId: string) => `panel-${slotId}`;

/** Shown when focused: past a long list of records to the next panel, as the nav would. */
function SkipToNext({ next }: { next: { id: string; title: string } }) {
  const target = panelElementId(next.id);
  return (
    <a
      className="skip-next"
      href={`#${target}`}
      data-export-hide
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      Skip to {next.title}
    </a>
  );
}

/** Every panel is a <section> landmark named by its heading. */
export function Panel({ title, panelId, subtitle, actions, className, children, resetKey, id, exportable = true }: PanelProps) {
  const headingId = useId();
  const bodyId = useId();
  const tools = useContext(PanelTools);
  const slot = useContext(PanelSlot);
  const collapsed = slot?.collapsed ?? false;
  const extra = exportable && tools && !collapsed ? tools({ id: panelId, title }) : null;
  const body = (
    <PanelBoundary name={title} resetKey={resetKey}>
      {children}
    </PanelBoundary>
  );
  const fold = slot ? (
    <button
      type="button"
      className="panel-fold"
      aria-expanded={!collapsed}
      aria-controls={bodyId}
      aria-label={`${collapsed ? 'Open' : 'Fold'} ${title}`}
      onClick={() => slot.onFold(!collapsed)}
    >
      {collapsed ? 'Open' : 'Fold'}
    </button>
  ) : null;
  return (
    <section
      aria-labelledby={headingId}
      className={`panel ${className ?? ''}${collapsed ? ' is-collapsed' : ''}`}
      id={slot ? panelElementId(slot.id) : id}
      tabIndex={slot ? -1 : undefined}
      data-panel={title}
    >
      {slot?.next && !collapsed ? <SkipToNext next={slot.next} /> : null}
      <header className="panel-head">
        <div>
          <h2 id={headingId}>{title}</h2>
          {subtitle ? <p className="panel-sub">{subtitle}</p> : null}
        </div>
        {actions || extra || fold ? (
          <div className="panel-actions" data-export-hide>
            {collapsed ? null : actions}
            {extra}
            {fold}
          </div>
        ) : null}
      </header>
      {slot ? (
        <div id={bodyId} className="panel-body" hidden={collapsed}>
          {collapsed ? null : body}
        </div>
      ) : (
        body
      )}
    </section>
  );
}
