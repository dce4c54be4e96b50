// Time series drawn with uPlot, from the metrics API's graph answers.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get, query, url, type Params, type PathOf } from '../api/client';
import { Async, useLoad } from './load';
import type { Graph, Series } from '../api/types';

const COLOURS = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2'];

const RANGES = [
  { key: '1h', label: 'Last hour', from: '-1h' },
  { key: '1d', label: 'Last day', from: '-1d' },
  { key: '1w', label: 'Last week', from: '-7d' },
] as const;

/** The time range the URL asks for, as the metrics API's `from`. */
function useRangeFrom(): string {
  const { query: params } = useLocation();
  return (RANGES.find((range) => range.key === params.range) ?? RANGES[0]).from;
}

/** Last hour, day or week: kept in the URL, so that a link shows the same range. */
export function RangePicker() {
  const { path, query: params, route } = useLocation();
  const current = params.range ?? RANGES[0].key;
  return (
    <div role="group" aria-label="Time range" class="segmented">
      {RANGES.map((option) => (
        <button type="button" key={option.key} aria-pressed={option.key === current}
                onClick={() => route(`${path}${query({ ...params, range: option.key })}`, true)}>{option.label}</button>
      ))}
    </div>
  );
}

/** The series on one time axis; a step a series lacks is a gap, not a zero. */
function aligned(graph: Graph): uPlot.AlignedData {
  const times = [...new Set(graph.series.flatMap((series) => series.points.map(([time]) => time)))].sort((a, b) => a - b);
  const index = new Map(times.map((time, i) => [time, i]));
  const columns = graph.series.map((series) => {
    const column: (number | null)[] = new Array(times.length).fill(null);
    for (const [time, value] of series.points) column[index.get(time)!] = value;
    return column;
  });
  return [times, ...columns];
}

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis values short enough for the axis: 1.5G rather than 1,500,000,000. */
function compact(value: number): string {
  return COMPACT.format(value);
}

/** The tags every series of a graph shares say what the graph is about; the others tell its lines apart. */
const IMPLIED_TAGS = new Set(['fsid', 'fqdn', 'host', 'osd', 'pool', 'counter']);

function seriesLabel(series: Series, labels?: Record<string, string>): string {
  const name = labels?.[series.field] ?? series.field.replaceAll('_', ' ');
  const distinct = Object.entries(series.tags).filter(([key]) => !IMPLIED_TAGS.has(key)).map(([, value]) => value);
  return distinct.length ? `${name} (${distinct.join(', ')})` : name;
}

function pointCount(graph: Graph): number {
  return graph.series.reduce((sum, series) => sum + series.points.filter(([, value]) => value !== null).length, 0);
}

function Chart({ graph, title, unit, labels }: {
  graph: Graph;
  title: string;
  unit: string;
  labels?: Record<string, string>;
}) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current!;
    const plot = new uPlot({
      width: Math.max(element.clientWidth, 240),
      height: 180,
      series: [{}, ...graph.series.map((series, i) => ({
        label: seriesLabel(series, labels),
        stroke: COLOURS[i % COLOURS.length],
        width: 1.5,
        spanGaps: false,
      }))],
      axes: [{}, { label: unit, size: 64, values: (_plot, splits) => splits.map(compact) }],
      legend: { live: true },
    }, aligned(graph), element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 240), height: 180 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [graph]);

  return (
    <figure class="chart" data-points={pointCount(graph)}>
      <figcaption>{title}</figcaption>
      <div ref={box} role="img" aria-label={`${title}: ${pointCount(graph)} points`} />
    </figure>
  );
}

/** A panel of one graph of the cluster's daemons, such as the requests each RGW served, with its range picker. */
export function DaemonGraphPanel({ fsid, graph, title, unit }: { fsid: string; graph: string; title: string; unit: string }) {
  return (
    <section class="panel" aria-labelledby={`${graph}-title`}>
      <div class="panel-head">
        <h2 id={`${graph}-title`}>{title}</h2>
        <RangePicker />
      </div>
      <div class="charts">
        <MetricGraph path="/cluster/{fsid}/metrics/{graph}" params={{ fsid, graph }} title={`${title} per daemon`} unit={unit} labels={{ value: 'requests' }} />
      </div>
    </section>
  );
}

type GraphPath = Extract<PathOf<'get'>, `${string}/metrics/{graph}`>;

/** A graph from the metrics API, over the range the URL asks for, with its loading, error and empty states. */
export function MetricGraph<P extends GraphPath>({ path, params, title, unit, labels }: {
  /** The graph's API path, such as /cluster/{fsid}/metrics/{graph}, and its parameters. */
  path: P;
  params: Params<P>;
  title: string;
  unit: string;
  labels?: Record<string, string>;
}) {
  const from = useRangeFrom();
  // the caller's path and parameters are checked against each other; here they are any graph's
  const graph = useLoad(() => get(path as GraphPath, { path: params, query: { from } } as never), [url(path, { path: params }), from]);
  return (
    <Async loaded={graph} empty={(data) => (data.series.length ? undefined : `Nothing recorded for ${title} in this range yet.`)}>
      {(data) => <Chart graph={data} title={title} unit={unit} labels={labels} />}
    </Async>
  );
}
