import type { AidStatus, Discrepancy, EventKind, SourceKind } from '../dataset/schema';

/** One typed map of colours per meaning, tuned for contrast on both themes' panel backgrounds. */
export const KIND_COLOR: Record<EventKind, string> = {
  call: '#d9480f',
  summit: '#1c7ed6',
  announcement: '#2f9e44',
  strike: '#c92a2a',
  appointment: '#7048e8',
  legal: '#a61e4d',
  statement: '#5c7cfa',
  interview: '#0c8599',
  deployment: '#e67700',
  other: '#868e96',
};

export const KIND_LABEL: Record<EventKind, string> = {
  call: 'Call',
  summit: 'Summit',
  announcement: 'Announcement',
  strike: 'Strike',
  appointment: 'Appointment',
  legal: 'Legal',
  statement: 'Statement',
  interview: 'Interview',
  deployment: 'Deployment',
  other: 'Other',
};

export const STATUS_LABEL: Record<AidStatus, string> = {
  announced: 'Announced',
  planned: 'Planned',
  'in-effect': 'In effect',
  delivered: 'Delivered',
  reported: 'Reported',
};

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  wire: 'Wire report',
  'news-site': 'News site',
  aggregator: 'Aggregator',
  'blog-repost': 'Blog repost',
  opinion: 'Opinion',
};

export const TYPE_LABEL = {
  event: 'Events',
  quote: 'Quotes',
  aid: 'Aid items',
  discrepancy: 'Discrepancies',
} as const;

export const DISCREPANCY_KIND_LABEL: Record<Discrepancy['kind'], string> = {
  conflict: 'Sources conflict',
  vague: 'Vague',
  misdating: 'Possible misdating',
  claim: 'Disputed claim',
  spelling: 'Spelling',
};
