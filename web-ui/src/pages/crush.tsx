import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { get, message, post, submit } from '../api/client';
import type { CrushNode, CrushRule, CrushStep, CrushType } from '../api/types';
import { confirmAction, requestForForm, runRequest } from '../components/actions';
import { Field, invalidWhen, RefusalNote, useRefusal } from '../components/form';
import { Async, ErrorNote, useLoad } from '../components/load';
import { clusterPath } from '../components/shell';
import { moves } from '../format';
import { canOperate } from '../session';

/** Device-class shadow trees ("default~hdd") are Ceph's bookkeeping, not buckets an operator made. */
const isShadow = (node: CrushNode) => node.name.includes('~');

function Bucket({ fsid, node, nodes }: { fsid: string; node: CrushNode; nodes: Map<number, CrushNode> }) {
  return (
    <li>
      <span class="bucket"><span class="chip">{node.bucket_type}</span> <strong>{node.name}</strong>
        <span class="sub"> weight {node.weight.toFixed(4)}</span></span>
      <ul>
        {node.items.map((item) => {
          const child = nodes.get(item.id);
          return child ? <Bucket key={item.id} fsid={fsid} node={child} nodes={nodes} /> : (
            <li key={item.id}><a href={clusterPath(fsid, `/osd/${item.id}`)}>osd.{item.id}</a>
              <span class="sub"> weight {item.weight.toFixed(4)}</span></li>
          );
        })}
      </ul>
    </li>
  );
}

function CrushTree({ fsid, nodes }: { fsid: string; nodes: CrushNode[] }) {
  const real = nodes.filter((node) => !isShadow(node));
  const byId = new Map(real.map((node) => [node.id, node]));
  const children = new Set(real.flatMap((node) => node.items.map((item) => item.id)));
  const roots = real.filter((node) => !children.has(node.id));
  return <ul class="crush-tree" aria-label="CRUSH hierarchy">{roots.map((root) => <Bucket key={root.id} fsid={fsid} node={root} nodes={byId} />)}</ul>;
}

function describe(step: CrushStep): string {
  switch (step.op) {
    case 'take': return `take ${step.item_name ?? step.item}`;
    case 'emit': return 'emit';
    default: return `${step.op}${step.num !== undefined && step.num !== null ? ` ${step.num}` : ''}${step.type ? ` type ${step.type}` : ''}`;
  }
}

function StepsEditor({ fsid, rule, done }: { fsid: string; rule: CrushRule; done: () => void }) {
  const [text, setText] = useState(JSON.stringify(rule.steps, null, 2));
  const refusal = useRefusal();
  const id = `steps-${rule.id}`;
  const save = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    let steps: unknown;
    try {
      steps = JSON.parse(text);
    } catch (failure) {
      refusal.refuse(`The steps are not JSON: ${message(failure)}`);
      return;
    }
    let preview: string;
    try {
      preview = ` ${moves(await post('/cluster/{fsid}/crush_rule/{id}/preview', { path: { fsid, id: rule.id }, body: { steps: steps as CrushStep[] } }))}`;
    } catch (failure) {
      preview = ` (no preview: ${message(failure)})`;
    }
    const confirmed = await confirmAction({
      title: `Change the steps of rule ${rule.name}?`,
      body: `The pools that use it move data to match the new placement.${preview}`,
      confirmLabel: 'Change rule',
    });
    if (!confirmed) return;
    if (await requestForForm(refusal, `Change CRUSH rule ${rule.name}`, () => submit('PATCH', '/cluster/{fsid}/crush_rule/{id}', { path: { fsid, id: rule.id }, body: { steps: steps as CrushStep[] } }))) done();
  };
  return (
    <form onSubmit={save} aria-label={`Steps of rule ${rule.name}`}>
      <RefusalNote refusal={refusal} />
      <Field id={id} label="Steps, as Ceph's osd crush rule dump shows them" error={refusal.forField('steps')}>
        <textarea id={id} rows={8} value={text} spellcheck={false} class="mono" {...invalidWhen(refusal.forField('steps'), id)}
                  onInput={(event) => setText(event.currentTarget.value)} />
      </Field>
      <div class="buttons"><button type="button" onClick={done}>Close</button><button type="submit" class="primary">Save steps</button></div>
    </form>
  );
}

function NewRule({ fsid, roots, types, done }: { fsid: string; roots: string[]; types: CrushType[]; done: () => void }) {
  const [values, setValues] = useState({ name: '', root: roots[0] ?? 'default', failure_domain: 'host', device_class: '' });
  const refusal = useRefusal();
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [key]: event.currentTarget.value });
  const field = (key: keyof typeof values, label: string, control: preact.JSX.Element) => (
    <Field id={`rule-${key}`} label={label} error={refusal.forField(key)}>{control}</Field>
  );
  const create = async (event: Event) => {
    event.preventDefault();
    refusal.clear();
    const body = { ...values, device_class: values.device_class || undefined };
    if (await requestForForm(refusal, `Create CRUSH rule ${values.name}`, () => submit('POST', '/cluster/{fsid}/crush_rule', { path: { fsid }, body: body }))) done();
  };
  return (
    <form class="panel" aria-label="New replicated rule" onSubmit={create} noValidate>
      <h2>New replicated rule</h2>
      <RefusalNote refusal={refusal} />
      <div class="fields-grid">
        {field('name', 'Name', <input id="rule-name" value={values.name} onInput={set('name')}
                                      {...invalidWhen(refusal.forField('name'), 'rule-name')} />)}
        {field('root', 'Root', <select id="rule-root" value={values.root} onChange={set('root')}>
          {roots.map((root) => <option key={root}>{root}</option>)}
        </select>)}
        {field('failure_domain', 'Failure domain', <select id="rule-failure_domain" value={values.failure_domain} onChange={set('failure_domain')}>
          {types.map((type) => <option key={type.id}>{type.name}</option>)}
        </select>)}
        {field('device_class', 'Device class', <input id="rule-device_class" value={values.device_class} placeholder="any"
                                                      onInput={set('device_class')} {...invalidWhen(refusal.forField('device_class'), 'rule-device_class')} />)}
      </div>
      <div class="buttons"><button type="button" onClick={done}>Cancel</button><button type="submit" class="primary">Create rule</button></div>
    </form>
  );
}

export function Crush() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const refresh = (update: { fsid: string | null; type: string }) => update.fsid === fsid && update.type === 'sync';
  const nodes = useLoad(() => get('/cluster/{fsid}/crush_node', { path: { fsid } }), [fsid], refresh);
  const rules = useLoad(() => get('/cluster/{fsid}/crush_rule', { path: { fsid } }), [fsid], refresh);
  const types = useLoad(() => get('/cluster/{fsid}/crush_type', { path: { fsid } }), [fsid]);
  const [editing, setEditing] = useState<number>();
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string>();
  const operate = canOperate.value;

  const remove = async (rule: CrushRule) => {
    if (!(await confirmAction({ title: `Delete CRUSH rule ${rule.name}?`, body: 'Ceph refuses while a pool uses it.', confirmLabel: 'Delete rule' }))) return;
    setFailure(undefined);
    const request = await runRequest(`Delete CRUSH rule ${rule.name}`, () => submit('DELETE', '/cluster/{fsid}/crush_rule/{id}', { path: { fsid, id: rule.id } }))
      .catch((error) => setFailure(message(error)));
    if (request && request.state === 'error') setFailure(request.error_message ?? 'The cluster refused.');
  };

  return (
    <div>
      <h1>CRUSH</h1>
      <div class="grid">
        <section class="panel" aria-labelledby="tree-title">
          <h2 id="tree-title">Hierarchy</h2>
          <Async loaded={nodes} empty={(list) => (list.length ? undefined : 'The CRUSH map has no bucket.')}>
            {(list) => <CrushTree fsid={fsid} nodes={list} />}
          </Async>
        </section>
        <section class="panel" aria-labelledby="rules-title">
          <div class="panel-head">
            <h2 id="rules-title">Rules</h2>
            {operate && !creating && <button type="button" onClick={() => setCreating(true)}>New rule</button>}
          </div>
          {failure && <ErrorNote message={failure} />}
          <Async loaded={rules} empty={(list) => (list.length ? undefined : 'No rule.')}>
            {(list) => (
              <ul class="rules">
                {list.map((rule) => (
                  <li key={rule.id}>
                    <strong>{rule.name}</strong> <span class="sub">#{rule.id} · {rule.type === 3 ? 'erasure' : 'replicated'} · {rule.osd_count} OSDs</span>
                    <div class="mono">{rule.steps.map(describe).join(' → ')}</div>
                    {operate && editing !== rule.id && (
                      <div class="row-actions">
                        <button type="button" onClick={() => setEditing(rule.id)}>Edit steps</button>
                        <button type="button" onClick={() => remove(rule)}>Delete</button>
                      </div>
                    )}
                    {editing === rule.id && <StepsEditor fsid={fsid} rule={rule} done={() => setEditing(undefined)} />}
                  </li>
                ))}
              </ul>
            )}
          </Async>
        </section>
        {creating && nodes.data && types.data && (
          <div class="wide-slot">
            <NewRule fsid={fsid} types={types.data} done={() => setCreating(false)}
                     roots={nodes.data.filter((node) => node.bucket_type === 'root' && !isShadow(node)).map((node) => node.name)} />
          </div>
        )}
      </div>
    </div>
  );
}
