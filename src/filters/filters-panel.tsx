import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ROW_TYPES, type DatasetIndex, type RowType } from '../dataset/indexes';
import { isFiltered, NO_FILTERS, type Filters, type Selection } from '../dataset/select';
import { RECORD_TYPE_NAME } from '../dataset/vocabulary';
import {
  CREDIBILITY_GRADES,
  CREDIBILITY_LABEL,
  RELIABILITY_GRADES,
  RELIABILITY_LABEL,
  type CredibilityGrade,
} from '../dataset/grading-vocabulary';
import { placeholderExamples } from '../records/names';
import { Panel } from '../components/panel';
import { dayToIso, formatDay, isoToDay } from '../lib/dates';
import { compareText } from '../lib/collate';

interface Props {
  index: DatasetIndex;
  filters: Filters;
  facets: Selection['facets'];
  onChange: (next: Filters, opts?: { replace?: boolean }) => void;
}

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/** Sources, actors, dates, kinds and text: every control writes the URL; the counts follow. */
export const FiltersPanel = memo(function FiltersPanel({ index, filters, facets, onChange }: Props) {
  // Clearing the filters also empties the actor search box: a new key gives the list a fresh start.
  const [cleared, setCleared] = useState(0);
  // The option rows' handlers read the filters as they are when clicked, so they stay the same from one
  // view to the next and a row whose count and state did not change is not drawn again.
  const latest = useRef(filters);
  useLayoutEffect(() => {
    latest.current = filters;
  });
  const set = useCallback(
    (patch: Partial<Filters>, opts?: { replace?: boolean }) => onChange({ ...latest.current, ...patch }, opts),
    [onChange],
  );
  const dateId = useId();
  const range = index.dayRange;
  const min = range ? dayToIso(range[0]) : undefined;
  const max = range ? dayToIso(range[1]) : undefined;
  const examples = useMemo(() => placeholderExamples(index), [index]);
  const kindsInData = useMemo(() => new Set(index.dataset.events.map((e) => e.kind)), [index]);
  return (
    <Panel
      title="Filters"
      className="filters"
      actions={
        <button
          type="button"
          onClick={() => {
            onChange(NO_FILTERS);
            setCleared((n) => n + 1);
          }}
          disabled={!isFiltered(filters)}
        >
          Clear filters
        </button>
      }
    >
      <p className="filters-note">Each number counts the records that choice would show.</p>
      <div className="filter-group">
        <label className="field">
          <span>Search quotes, summaries and items</span>
          <input
            type="search"
            value={filters.q}
            maxLength={200}
            placeholder={examples.search}
            onChange={(e) => set({ q: e.target.value }, { replace: true })}
          />
        </label>
      </div>

      <OutletFilter index={index} sources={filters.sources} counts={facets.outlets} set={set} latest={latest} />
      <ActorFilter
        key={cleared}
        index={index}
        actors={filters.actors}
        counts={facets.actors}
        set={set}
        latest={latest}
        example={examples.actor}
      />

      <fieldset className="filter-group">
        <legend>Dates</legend>
        <div className="date-row">
          <div className="field">
            <label htmlFor={`${dateId}-from-input`}>From</label>
            <input
              id={`${dateId}-from-input`}
              type="date"
              value={filters.from ?? ''}
              min={min}
              max={filters.to ?? max}
              onChange={(e) => set({ from: e.target.value || null })}
              aria-describedby={`${dateId}-from`}
            />
            <span className="date-echo" id={`${dateId}-from`}>
              {filters.from ? formatDay(isoToDay(filters.from)) : 'From the first record'}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${dateId}-to-input`}>To</label>
            <input
              id={`${dateId}-to-input`}
              type="date"
              value={filters.to ?? ''}
              min={filters.from ?? min}
              max={max}
              onChange={(e) => set({ to: e.target.value || null })}
              aria-describedby={`${dateId}-to`}
            />
            <span className="date-echo" id={`${dateId}-to`}>
              {filters.to ? formatDay(isoToDay(filters.to)) : 'To the last record'}
            </span>
          </div>
        </div>
      </fieldset>

      <fieldset className="filter-group">
        <legend>Record type</legend>
        <ul className="option-list compact">
          {ROW_TYPES.map((t: RowType) => (
            <li key={t}>
              <label className="option">
                <input
                  type="checkbox"
                  checked={filters.types.includes(t)}
                  onChange={(e) => set({ types: toggle(filters.types, t, e.target.checked) })}
                />
                <span className="option-name">{RECORD_TYPE_NAME[t].many}</span>
                <span className="count">{facets.types.get(t) ?? 0}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="filter-group">
        <legend>Event kind</legend>
        <ul className="option-list compact">
          {index.vocabulary.eventKinds.list
            .filter(({ id }) => filters.kinds.includes(id) || kindsInData.has(id))
            .map(({ id: k, label, color }) => (
              <li key={k}>
                <label className="option">
                  <input
                    type="checkbox"
                    checked={filters.kinds.includes(k)}
                    onChange={(e) => set({ kinds: toggle(filters.kinds, k, e.target.checked) })}
                  />
                  <span className={`kind-dot kind-${k}`} style={{ background: color }} aria-hidden="true" />
                  <span className="option-name">{label}</span>
                  <span className="count">{facets.kinds.get(k) ?? 0}</span>
                </label>
              </li>
            ))}
        </ul>
      </fieldset>

      <GradeFilter filters={filters} facets={facets} set={set} />
    </Panel>
  );
});

/** Minimum credibility (1 best; "at least" counts every grade up to it) and source reliability, with their counts. */
function GradeFilter({ filters, facets, set }: { filters: Filters; facets: Selection['facets']; set: SetFilters }) {
  const credId = useId();
  const exactly = CREDIBILITY_GRADES.map((g) => facets.credibility.get(g) ?? 0);
  const atLeast = exactly.map((_, i) => exactly.slice(0, i + 1).reduce((a, b) => a + b, 0));
  return (
    <fieldset className="filter-group grade-filter">
      <legend>Grades</legend>
      <label className="field" htmlFor={credId}>
        <span>Minimum credibility</span>
        <select
          id={credId}
          value={filters.minCredibility ?? ''}
          onChange={(e) => set({ minCredibility: e.target.value ? (Number(e.target.value) as CredibilityGrade) : null })}
        >
          <option value="">Any credibility</option>
          {CREDIBILITY_GRADES.map((g, i) => (
            <option key={g} value={g}>
              {g === 1 ? `1 ${CREDIBILITY_LABEL[1]}` : `${g} ${CREDIBILITY_LABEL[g]} or better`} ({atLeast[i]})
            </option>
          ))}
        </select>
      </label>
      <p className="field-label" id={`${credId}-rel`}>
        Source reliability
      </p>
      <ul className="option-list compact" aria-labelledby={`${credId}-rel`}>
        {RELIABILITY_GRADES.map((g) => (
          <li key={g}>
            <label className="option">
              <input
                type="checkbox"
                checked={filters.reliability.includes(g)}
                onChange={(e) => set({ reliability: toggle(filters.reliability, g, e.target.checked) })}
              />
              <span className="option-name">
                <span className="grade-letter" aria-hidden="true">
                  {g}
                </span>{' '}
                {RELIABILITY_LABEL[g]}
              </span>
              <span className="count">{facets.reliability.get(g) ?? 0}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type SetFilters = (patch: Partial<Filters>) => void;
type Latest = { readonly current: Filters };
type Outlet = DatasetIndex['outlets'][number];

function OutletFilter({
  index,
  sources,
  counts,
  set,
  latest,
}: {
  index: DatasetIndex;
  sources: readonly string[];
  counts: Selection['facets']['outlets'];
  set: SetFilters;
  latest: Latest;
}) {
  const selected = new Set(sources);
  const onToggle = useCallback(
    (o: Outlet, on: boolean) => {
      const rest = latest.current.sources.filter((id) => !o.sourceIds.includes(id));
      set({ sources: on ? [...rest, ...o.sourceIds] : rest });
    },
    [set, latest],
  );
  const onOnly = useCallback((o: Outlet) => set({ sources: [...o.sourceIds] }), [set]);
  return (
    <fieldset className="filter-group">
      <legend>Sources</legend>
      <ul className="option-list">
        {index.outlets.map((o) => {
          const checked = o.sourceIds.every((id) => selected.has(id));
          const partial = !checked && o.sourceIds.some((id) => selected.has(id));
          return (
            <OutletRow
              key={o.key}
              outlet={o}
              checked={checked}
              partial={partial}
              count={counts.get(o.key) ?? 0}
              onToggle={onToggle}
              onOnly={onOnly}
            />
          );
        })}
      </ul>
    </fieldset>
  );
}

const OutletRow = memo(function OutletRow({
  outlet: o,
  checked,
  partial,
  count,
  onToggle,
  onOnly,
}: {
  outlet: Outlet;
  checked: boolean;
  partial: boolean;
  count: number;
  onToggle: (o: Outlet, on: boolean) => void;
  onOnly: (o: Outlet) => void;
}) {
  return (
    <li className="option-row">
      <label className="option">
        <input
          type="checkbox"
          checked={checked}
          ref={(el) => {
            if (el) el.indeterminate = partial;
          }}
          onChange={(e) => onToggle(o, e.target.checked)}
        />
        <span className="option-name">{o.label}</span>
        <span className="count" title="records shown that this outlet supports">
          {count}
        </span>
      </label>
      <button type="button" className="only" onClick={() => onOnly(o)} aria-label={`Only ${o.label}`}>
        only
      </button>
    </li>
  );
});

const ACTOR_LIMIT = 200;

function ActorFilter({
  index,
  actors,
  counts,
  set,
  latest,
  example,
}: {
  index: DatasetIndex;
  actors: readonly string[];
  counts: Selection['facets']['actors'];
  set: SetFilters;
  latest: Latest;
  example: string;
}) {
  const [search, setSearch] = useState('');
  const searchId = useId();
  const groups = useMemo(() => {
    const words = search.toLowerCase().trim();
    const matching = index.dataset.actors.filter(
      (a) => actors.includes(a.id) || !words || `${a.name} ${a.aliases.join(' ')} ${a.role}`.toLowerCase().includes(words),
    );
    const ranked = matching
      .map((a) => ({ actor: a, n: counts.get(a.id) ?? 0 }))
      .sort(
        (x, y) =>
          Number(actors.includes(y.actor.id)) - Number(actors.includes(x.actor.id)) || y.n - x.n || compareText(x.actor.name, y.actor.name),
      )
      .slice(0, ACTOR_LIMIT);
    const byAffiliation = new Map<string, typeof ranked>();
    for (const entry of ranked) {
      const list = byAffiliation.get(entry.actor.affiliation) ?? [];
      list.push(entry);
      byAffiliation.set(entry.actor.affiliation, list);
    }
    return { total: matching.length, groups: [...byAffiliation.entries()].sort((a, b) => compareText(a[0], b[0])) };
  }, [index, counts, actors, search]);
  const onToggle = useCallback((id: string, on: boolean) => set({ actors: toggle(latest.current.actors, id, on) }), [set, latest]);

  return (
    <fieldset className="filter-group">
      <legend>Actors</legend>
      <label className="field actor-search" htmlFor={searchId}>
        <span>Find an actor (any spelling)</span>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={example} />
      </label>
      <div className="actor-groups">
        {groups.groups.map(([affiliation, entries]) => (
          <div key={affiliation} className="actor-group">
            <h3>{affiliation}</h3>
            <ul className="option-list">
              {entries.map(({ actor, n }) => (
                <ActorRow key={actor.id} actor={actor} checked={actors.includes(actor.id)} count={n} onToggle={onToggle} />
              ))}
            </ul>
          </div>
        ))}
        {groups.total > ACTOR_LIMIT ? (
          <p className="muted">
            Showing {ACTOR_LIMIT} of {groups.total}; search to narrow.
          </p>
        ) : null}
        {groups.total === 0 ? <p className="muted">No actor matches “{search}”.</p> : null}
      </div>
    </fieldset>
  );
}

type Actor = DatasetIndex['dataset']['actors'][number];

const ActorRow = memo(function ActorRow({
  actor,
  checked,
  count,
  onToggle,
}: {
  actor: Actor;
  checked: boolean;
  count: number;
  onToggle: (id: string, on: boolean) => void;
}) {
  return (
    <li>
      <label className="option" title={[actor.role, ...actor.aliases].join(' · ')}>
        <input type="checkbox" checked={checked} onChange={(e) => onToggle(actor.id, e.target.checked)} />
        <span className="option-name">{actor.name}</span>
        <span className="count">{count}</span>
      </label>
    </li>
  );
});
