import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { get } from '../api/client';
import { Async, useLoad } from '../components/load';

const SHOWN = 200;

export function Config() {
  const { params } = useRoute();
  const fsid = params.fsid;
  const [filter, setFilter] = useState('');
  const options = useLoad(() => get('/cluster/{fsid}/config', { path: { fsid } }), [fsid]);
  const needle = filter.trim().toLowerCase();
  return (
    <div>
      <h1>Configuration</h1>
      <p class="sub">The options the monitor leader runs with (<span class="mono">config show</span>).</p>
      <div class="filters" role="search">
        <label>Filter<input type="search" value={filter} placeholder="osd_max_backfills, true…"
                            onInput={(event) => setFilter(event.currentTarget.value)} /></label>
      </div>
      <Async loaded={options} empty={(list) => (list.length ? undefined : 'No configuration read yet.')}>
        {(list) => {
          const matching = needle ? list.filter((option) => `${option.key} ${option.value}`.toLowerCase().includes(needle)) : list;
          return (
            <>
              <p class="sub">{matching.length} of {list.length} options{matching.length > SHOWN ? `, the first ${SHOWN} shown: filter to see others` : ''}</p>
              <div class="table-wrap">
                <table aria-label="Configuration">
                  <thead><tr><th>Option</th><th>Value</th></tr></thead>
                  <tbody>
                    {matching.slice(0, SHOWN).map((option) => (
                      <tr key={option.key}><td class="mono">{option.key}</td><td class="mono">{option.value || <span class="sub">(empty)</span>}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Async>
    </div>
  );
}
