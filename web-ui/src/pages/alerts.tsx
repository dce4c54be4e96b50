// Alerts from Loligo's rules (firing, pending, resolved), the silences that keep them from receivers, operators' rules on
// metrics, and the receivers.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ApiError, del, get, post, query } from '../api/client';
import type { Alert, Matcher, MetricMeasurement, Receiver, ReceiverTest } from '../api/types';
import { confirmAction } from '../components/actions';
import { Field, RefusalNote, invalidWhen, useAction } from '../components/form';
import { Async, useLoad } from '../components/load';
import { ServerTable, type Column } from '../components/table';
import { usePage } from '../components/tabs';
import { severityClass, timeAgo } from '../format';
import { canOperate, clusters } from '../session';

const PAGE_SIZE = 50;
const STATES = ['active', 'firing', 'pending', 'resolved', 'all'];
/** Labels every alert has, left out where the table shows what each alert is about. */
const COMMON_LABELS = new Set(['alertname', 'severity', 'fsid', 'cluster']);

const isAlertUpdate = (update: { type: string }) => update.type === 'alert';

/** An alert's own labels as matchers, for a silence of exactly it. */
function matchersOf(alert: Alert): string {
  return Object.entries(alert.labels).filter(([name]) => name !== 'severity').map(([name, value]) => `${name}=${value}`).join('\n');
}

function alertColumns(operate: boolean, acknowledge: (alert: Alert) => void, silence: (alert: Alert) => void): Column<Alert>[] {
  const all: Column<Alert>[] = [
    {
      id: 'severity', header: 'Severity',
      cell: ({ row }) => <span class={`badge ${severityClass(row.original.severity)}`}>{row.original.severity}</span>,
    },
    {
      id: 'alert', header: 'Alert',
      cell: ({ row }) => (
        <details id={`alert-${row.original.id}`}>
          <summary><strong>{row.original.name}</strong> {row.original.summary}</summary>
          <p>{row.original.description}</p>
          <p class="sub mono">{Object.entries(row.original.labels).map(([name, value]) => `${name}="${value}"`).join(', ')}</p>
        </details>
      ),
    },
    {
      id: 'about', header: 'About',
      cell: ({ row }) => Object.entries(row.original.labels).filter(([name]) => !COMMON_LABELS.has(name)).map(([, value]) => value).join(' · ')
        || clusters.value.find((cluster) => cluster.id === row.original.fsid)?.name || row.original.fsid,
    },
    {
      id: 'state', header: 'State',
      cell: ({ row }) => (
        <div>
          {row.original.state}
          {row.original.silenced_by.length > 0 && <span class="badge" title={row.original.silenced_by.join(', ')}> silenced</span>}
          {row.original.acknowledged_by && <div class="sub">acknowledged by {row.original.acknowledged_by}</div>}
        </div>
      ),
    },
    {
      id: 'since', header: 'Since',
      cell: ({ row }) => (
        <span title={row.original.active_since}>
          {timeAgo(row.original.active_since)}{row.original.resolved_at ? `, resolved ${timeAgo(row.original.resolved_at)}` : ''}
        </span>
      ),
    },
  ];
  if (!operate) return all;
  return [...all, {
    id: 'actions', header: 'Actions',
    cell: ({ row }) => row.original.state === 'resolved' ? null : (
      <div class="buttons">
        {!row.original.acknowledged_by && <button type="button" onClick={() => acknowledge(row.original)}>Acknowledge</button>}
        <button type="button" onClick={() => silence(row.original)}>Silence…</button>
      </div>
    ),
  }];
}

/** `name=value` per line, `name=~regex` for a regular expression, `name!=value` to exclude: as amtool writes them. */
function parseMatchers(text: string): Matcher[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const found = line.match(/^([^!=~]+?)\s*(=~|!~|!=|=)\s*(.*)$/);
    // a line without an operator goes as its name alone, so that the API names what is wrong with it
    if (!found) return { name: line, value: '', is_regex: false, is_equal: true };
    const [, name, operator, value] = found;
    return { name, value: value.replace(/^"(.*)"$/, '$1'), is_regex: operator.includes('~'), is_equal: !operator.startsWith('!') };
  });
}

function SilenceForm({ initial, onDone }: { initial: string; onDone: () => void }) {
  const [matchers, setMatchers] = useState(initial);
  const [hours, setHours] = useState('2');
  const [comment, setComment] = useState('');
  const { refusal, run } = useAction(() => {
    setMatchers('');
    setComment('');
    onDone();
  });
  const matchersError = refusal.forField('matchers') ?? refusal.forField('matchers[0].name') ?? refusal.forField('matchers[0].value');
  return (
    <form class="panel" aria-label="New silence" onSubmit={(event) => {
      event.preventDefault();
      const ends = new Date(Date.now() + Number(hours) * 3600_000);
      void run(() => post('/alert/silence', { body: {
        matchers: parseMatchers(matchers), ends_at: Number.isFinite(ends.getTime()) ? ends.toISOString() : hours, comment,
      } }));
    }}>
      <h2>New silence</h2>
      <RefusalNote refusal={refusal} />
      <Field id="silence-matchers" label="Matchers, one per line" error={matchersError} hint="osd=osd.3, check=~PG_.*, host!=node-1">
        <textarea id="silence-matchers" rows={3} value={matchers} onInput={(event) => setMatchers(event.currentTarget.value)}
                  {...invalidWhen(matchersError, 'silence-matchers')} />
      </Field>
      <Field id="silence-hours" label="For how many hours" error={refusal.forField('ends_at')}>
        <input id="silence-hours" type="number" min="0.1" step="0.1" value={hours} onInput={(event) => setHours(event.currentTarget.value)}
               {...invalidWhen(refusal.forField('ends_at'), 'silence-hours')} />
      </Field>
      <Field id="silence-comment" label="Why" error={refusal.forField('comment')}>
        <input id="silence-comment" value={comment} onInput={(event) => setComment(event.currentTarget.value)}
               {...invalidWhen(refusal.forField('comment'), 'silence-comment')} />
      </Field>
      <div class="buttons"><button type="submit" class="primary">Silence</button></div>
    </form>
  );
}

function Silences({ prefill, onPrefilled }: { prefill: string | undefined; onPrefilled: () => void }) {
  const silences = useLoad(() => get('/alert/silence'), [], isAlertUpdate);
  const { refusal, run } = useAction(silences.reload);
  return (
    <section class="panel" aria-labelledby="silences-title">
      <h2 id="silences-title">Silences</h2>
      <RefusalNote refusal={refusal} />
      <Async loaded={silences} empty={(data) => (data.length === 0 ? 'No silence.' : undefined)}>
        {(data) => (
          <table class="table" aria-label="Silences">
            <thead><tr><th>Matchers</th><th>State</th><th>Ends</th><th>By</th><th>Why</th>{canOperate.value && <th>Actions</th>}</tr></thead>
            <tbody>
              {data.map((silence) => (
                <tr key={silence.id}>
                  <td class="mono">{silence.matchers.map((m) => `${m.name}${m.is_equal === false ? '!' : ''}${m.is_regex ? '=~' : '='}${m.value}`).join(', ')}</td>
                  <td>{silence.state}</td>
                  <td title={silence.ends_at}>{new Date(silence.ends_at).toLocaleString()}</td>
                  <td>{silence.created_by}</td>
                  <td>{silence.comment}</td>
                  {canOperate.value && (
                    <td>{silence.state !== 'expired' && (
                      <button type="button" onClick={() => void run(() => del('/alert/silence/{id}', { path: { id: silence.id } }))}>Expire</button>
                    )}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
      {canOperate.value && (
        <SilenceForm key={prefill ?? ''} initial={prefill ?? ''} onDone={() => {
          onPrefilled();
          silences.reload();
        }} />
      )}
    </section>
  );
}

function Receivers() {
  const receivers = useLoad(() => get('/alert/receiver'), [], isAlertUpdate);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Receiver['kind']>('webhook');
  const [url, setUrl] = useState('');
  const [tested, setTested] = useState<Record<number, ReceiverTest>>({});
  const { refusal, run } = useAction(receivers.reload);
  return (
    <section class="panel" aria-labelledby="receivers-title">
      <h2 id="receivers-title">Receivers</h2>
      <p class="sub">Where alerts go when they fire and when they resolve: an Alertmanager (its v2 API), any webhook that takes
        Alertmanager's webhook JSON, or a mailbox.</p>
      <RefusalNote refusal={refusal} />
      <Async loaded={receivers} empty={(data) => (data.length === 0 ? 'No receiver: alerts show here only.' : undefined)}>
        {(data) => (
          <table class="table" aria-label="Receivers">
            <thead><tr><th>Name</th><th>Kind</th><th>URL</th><th>Test</th>{canOperate.value && <th>Actions</th>}</tr></thead>
            <tbody>
              {data.map((receiver) => (
                <tr key={receiver.id}>
                  <td>{receiver.name}</td>
                  <td>{receiver.kind}</td>
                  <td class="mono">{receiver.url}</td>
                  <td data-testid={`receiver-test-${receiver.name}`}>
                    {tested[receiver.id] && (tested[receiver.id].delivered ? 'delivered' : `failed: ${tested[receiver.id].detail}`)}
                  </td>
                  {canOperate.value && (
                    <td class="buttons">
                      <button type="button" onClick={() => void run(async () => {
                        const result = await post('/alert/receiver/{id}/test', { path: { id: receiver.id } });
                        setTested((all) => ({ ...all, [receiver.id]: result }));
                      })}>Send test</button>
                      <button type="button" class="danger" onClick={() => void run(async () => {
                        if (await confirmAction({ title: `Remove receiver ${receiver.name}?`, confirmLabel: 'Remove',
                          body: 'Alerts will no longer reach it, including those owed to it now. An Alertmanager keeps'
                            + ' the alerts it was told fire until their 5-minute lease ends.' })) {
                          await del('/alert/receiver/{id}', { path: { id: receiver.id } });
                        }
                      })}>Remove</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
      {canOperate.value && (
        <form aria-label="New receiver" onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await post('/alert/receiver', { body: { name, kind, url } });
            setName('');
            setUrl('');
          });
        }}>
          <div class="inline-fields">
            <Field id="receiver-name" label="Name" error={refusal.forField('name')}>
              <input id="receiver-name" value={name} onInput={(event) => setName(event.currentTarget.value)}
                     {...invalidWhen(refusal.forField('name'), 'receiver-name')} />
            </Field>
            <Field id="receiver-kind" label="Kind" error={refusal.forField('kind')}>
              <select id="receiver-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as Receiver['kind'])}>
                <option value="webhook">webhook</option>
                <option value="alertmanager">alertmanager</option>
                <option value="email">email</option>
              </select>
            </Field>
            <Field id="receiver-url" label="URL" error={refusal.forField('url')}
                   hint={{ alertmanager: "Alertmanager's base URL, such as http://alertmanager:9093", webhook: 'The webhook, http or https',
                     email: 'mailto: and one address, such as mailto:ops@example.com' }[kind]}>
              <input id="receiver-url" value={url} onInput={(event) => setUrl(event.currentTarget.value)}
                     {...invalidWhen(refusal.forField('url'), 'receiver-url')} />
            </Field>
          </div>
          <div class="buttons"><button type="submit" class="primary">Add receiver</button></div>
        </form>
      )}
    </section>
  );
}

/** Tags typed as {@code key=value}, one per line or comma-separated. */
function parseTags(text: string): Record<string, string> {
  return Object.fromEntries(text.split(/[\n,]/).map((pair) => pair.trim()).filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  }));
}

function RuleForm({ catalog, onDone }: { catalog: MetricMeasurement[]; onDone: () => void }) {
  const [form, setForm] = useState({ name: '', measurement: 'osd', field: 'apply_latency_ms', tags: '', aggregate: 'mean', window: '5m',
    comparison: '>', threshold: '', for: '2m', severity: 'warning', description: '' });
  const { refusal, run } = useAction(onDone);
  const set = (changes: Partial<typeof form>) => setForm((all) => ({ ...all, ...changes }));
  const measurement = catalog.find((known) => known.measurement === form.measurement);
  const tagsError = refusal.current instanceof ApiError
    ? refusal.current.fieldErrors.find((error) => error.field.startsWith('tags'))?.message : undefined;
  const input = (id: keyof typeof form, label: string, hint?: string) => (
    <Field id={`rule-${id}`} label={label} error={refusal.forField(id)} hint={hint}>
      <input id={`rule-${id}`} value={form[id]} onInput={(event) => set({ [id]: event.currentTarget.value })}
             {...invalidWhen(refusal.forField(id), `rule-${id}`)} />
    </Field>
  );
  return (
    <form aria-label="New rule" onSubmit={(event) => {
      event.preventDefault();
      void run(async () => {
        await post('/alert/rule', { body: { ...form, tags: parseTags(form.tags), threshold: form.threshold === '' ? null : Number(form.threshold) } });
        set({ name: '', threshold: '', description: '' });
      });
    }}>
      <div class="inline-fields">
        {input('name', 'Name', 'letters and digits, such as OsdSlowApply')}
        <Field id="rule-measurement" label="Metric" error={refusal.forField('measurement')}>
          <select id="rule-measurement" value={form.measurement} onChange={(event) => {
            const chosen = catalog.find((known) => known.measurement === event.currentTarget.value);
            set({ measurement: event.currentTarget.value, field: chosen?.fields[0] ?? '' });
          }}>
            {catalog.map((known) => <option key={known.measurement} value={known.measurement}>{known.measurement}</option>)}
          </select>
        </Field>
        <Field id="rule-field" label="Field" error={refusal.forField('field')}
               hint={measurement?.kind === 'counter' ? 'a counter: its rate per second' : undefined}>
          <select id="rule-field" value={form.field} onChange={(event) => set({ field: event.currentTarget.value })}>
            {(measurement?.fields ?? []).map((field) => <option key={field} value={field}>{field}</option>)}
          </select>
        </Field>
        <Field id="rule-tags" label="Only series with" error={tagsError} hint={`tags: ${(measurement?.tags ?? []).join(', ')}; such as osd=3`}>
          <input id="rule-tags" value={form.tags} onInput={(event) => set({ tags: event.currentTarget.value })}
                 {...invalidWhen(tagsError, 'rule-tags')} />
        </Field>
      </div>
      <div class="inline-fields">
        <Field id="rule-aggregate" label="Taken as" error={refusal.forField('aggregate')}>
          <select id="rule-aggregate" value={form.aggregate} onChange={(event) => set({ aggregate: event.currentTarget.value })}>
            {['mean', 'max', 'min'].map((choice) => <option key={choice} value={choice}>{choice}</option>)}
          </select>
        </Field>
        {input('window', 'Over', '30s to 1d')}
        <Field id="rule-comparison" label="Is" error={refusal.forField('comparison')}>
          <select id="rule-comparison" value={form.comparison} onChange={(event) => set({ comparison: event.currentTarget.value })}>
            {['>', '>=', '<', '<='].map((choice) => <option key={choice} value={choice}>{choice}</option>)}
          </select>
        </Field>
        {input('threshold', 'Threshold')}
        {input('for', 'For', 'before it fires; 0s at once')}
        <Field id="rule-severity" label="Severity" error={refusal.forField('severity')}>
          <select id="rule-severity" value={form.severity} onChange={(event) => set({ severity: event.currentTarget.value })}>
            <option value="warning">warning</option>
            <option value="critical">critical</option>
          </select>
        </Field>
      </div>
      {input('description', 'What to do when it fires')}
      <RefusalNote refusal={refusal} />
      <div class="buttons"><button type="submit" class="primary">Add rule</button></div>
    </form>
  );
}

function Rules() {
  const rules = useLoad(() => get('/alert/rule'), [], isAlertUpdate);
  const catalog = useLoad(() => get('/metrics/catalog'), []);
  const { refusal, run } = useAction(rules.reload);
  return (
    <section class="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">Rules on metrics</h2>
      <p class="sub">Thresholds on any metric series, each series that crosses one an alert of its own; Loligo's own rules (Ceph's health
        checks, OSDs down, out and flapping, quorum, hosts, growth toward full) always apply.</p>
      <RefusalNote refusal={refusal} />
      <Async loaded={rules} empty={(data) => (data.length === 0 ? 'No rule of your own.' : undefined)}>
        {(data) => (
          <table class="table" aria-label="Rules">
            <thead><tr><th>Name</th><th>Metric</th><th>Condition</th><th>For</th><th>Severity</th><th>By</th>
              {canOperate.value && <th>Actions</th>}</tr></thead>
            <tbody>
              {data.map((rule) => (
                <tr key={rule.id}>
                  <td>{rule.name}</td>
                  <td class="mono">{rule.measurement}.{rule.field}
                    {Object.entries(rule.tags).map(([tag, value]) => ` ${tag}=${value}`).join('')}</td>
                  <td>{rule.aggregate} over {rule.window_seconds} s {rule.comparison} {rule.threshold}</td>
                  <td>{rule.for_seconds} s</td>
                  <td><span class={`badge ${severityClass(rule.severity)}`}>{rule.severity}</span></td>
                  <td>{rule.created_by}</td>
                  {canOperate.value && (
                    <td><button type="button" class="danger" onClick={() => void run(async () => {
                      if (await confirmAction({ title: `Remove rule ${rule.name}?`, confirmLabel: 'Remove',
                        body: 'Its alerts resolve at the next evaluation, and their receivers are told so.' })) {
                        await del('/alert/rule/{id}', { path: { id: rule.id } });
                      }
                    })}>Remove</button></td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
      {canOperate.value && (
        <Async loaded={catalog}>{(known) => <RuleForm catalog={known} onDone={rules.reload} />}</Async>
      )}
    </section>
  );
}

/** One alert, as a notification's link opens it. */
function AlertDetail({ id }: { id: string }) {
  const alert = useLoad(() => get('/alert/{id}', { path: { id } }), [id], isAlertUpdate);
  return (
    <Async loaded={alert}>
      {(data) => (
        <section class="panel" aria-label={`Alert ${data.name}`}>
          <h2><span class={`badge ${severityClass(data.severity)}`}>{data.severity}</span> {data.name}: {data.summary}</h2>
          <p>{data.description}</p>
          <p>{data.state}, since {new Date(data.active_since).toLocaleString()}
            {data.resolved_at && `, resolved ${new Date(data.resolved_at).toLocaleString()}`}
            {data.silenced_by.length > 0 && ', silenced'}</p>
          <p class="sub mono">{Object.entries(data.labels).map(([name, value]) => `${name}="${value}"`).join(', ')}</p>
        </section>
      )}
    </Async>
  );
}

export function Alerts() {
  const { path, query: q, route } = useLocation();
  const { params } = useRoute();
  const [page, setPage] = usePage();
  const [prefill, setPrefill] = useState<string>();
  const state = q.state ?? 'active';
  const alerts = useLoad(() => get('/alert', { query: { state, fsid: q.fsid, page, page_size: PAGE_SIZE } }),
    [state, q.fsid, page], isAlertUpdate);
  const { refusal, run } = useAction(alerts.reload);
  const set = (changes: Record<string, string>) => route(`${path}${query({ ...q, page: undefined, ...changes })}`);
  const columns = alertColumns(canOperate.value,
    (alert) => void run(() => post('/alert/{id}/acknowledge', { path: { id: alert.id } })),
    (alert) => {
      setPrefill(matchersOf(alert));
      document.getElementById('silences-title')?.scrollIntoView();
    });
  return (
    <div>
      <h1>Alerts</h1>
      {params.id && <AlertDetail id={params.id} />}
      <div class="filters" role="search">
        <label>State
          <select value={state} onChange={(event) => set({ state: event.currentTarget.value })}>
            {STATES.map((choice) => <option key={choice} value={choice}>{choice}</option>)}
          </select>
        </label>
        <label>Cluster
          <select value={q.fsid ?? ''} onChange={(event) => set({ fsid: event.currentTarget.value })}>
            <option value="">Any</option>
            {clusters.value.map((cluster) => <option key={cluster.id} value={cluster.id}>{cluster.name}</option>)}
          </select>
        </label>
      </div>
      <RefusalNote refusal={refusal} />
      <Async loaded={alerts} empty={(data) => (data.count === 0 ? `No ${state === 'all' ? '' : `${state} `}alert.` : undefined)}>
        {(data) => (
          <ServerTable<Alert> label="Alerts" columns={columns} rows={data.results} rowCount={data.count}
                              rowId={(alert) => String(alert.id)} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
        )}
      </Async>
      <Silences prefill={prefill} onPrefilled={() => setPrefill(undefined)} />
      <Rules />
      <Receivers />
    </div>
  );
}
