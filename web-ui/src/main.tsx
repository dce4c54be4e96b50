import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { whenSessionEnds } from './api/client';
import { ConfirmDialog, RequestTray } from './components/actions';
import { clusterPath, Shell } from './components/shell';
import { connectLive, disconnectLive, onLive } from './live';
import { clusters, currentCluster, me, refreshClusters, resume } from './session';
import { Account } from './pages/account';
import { Admin } from './pages/admin';
import { Block, NewImage } from './pages/block';
import { ObjectStore, RgwBucketDetail, RgwUserDetail } from './pages/object';
import { Config } from './pages/config';
import { Crush } from './pages/crush';
import { Dashboard } from './pages/dashboard';
import { Alerts } from './pages/alerts';
import { Events } from './pages/events';
import { File } from './pages/file';
import { SubvolumeDetail } from './pages/subvolumes';
import { Monitors } from './pages/monitors';
import { Requests } from './pages/requests';
import { HostDetail } from './pages/host';
import { Hosts } from './pages/hosts';
import { Login } from './pages/login';
import { OsdDetail } from './pages/osd';
import { Osds } from './pages/osds';
import { NewPool, PoolDetail } from './pages/pool';
import { Pools } from './pages/pools';
import { RbdImageDetail } from './pages/rbd-image';

function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return null;
}

/** Where "/" leads: the dashboard of the cluster last visited, or a word on how clusters appear. */
function Home() {
  const fsid = currentCluster.value;
  if (fsid) return <Redirect to={clusterPath(fsid)} />;
  return <p class="empty">No cluster yet. A node-agent that reaches a cluster reports it within seconds, once an administrator accepts it.</p>;
}

function NotFound() {
  return <p class="error" role="alert">Nothing here. <a href="/ui/">Go to the start</a>.</p>;
}

function App() {
  const { path, url, route } = useLocation();
  const [checked, setChecked] = useState(false);
  const loggedIn = me.value !== null;

  useEffect(() => {
    whenSessionEnds(() => {
      me.value = null;
    });
    resume().finally(() => setChecked(true));
  }, []);

  useEffect(() => {
    if (!loggedIn) {
      disconnectLive();
      return undefined;
    }
    connectLive();
    // a cluster first heard of while the console is open joins the switcher
    return onLive((update) => {
      if (update.fsid && !clusters.value.some((cluster) => cluster.id === update.fsid)) void refreshClusters().catch(() => undefined);
    });
  }, [loggedIn]);

  useEffect(() => {
    if (!checked) return;
    if (!loggedIn && path !== '/ui/login') route(`/ui/login?next=${encodeURIComponent(url)}`, true);
    if (loggedIn && (path === '/' || path === '/ui/login')) route('/ui/', true);
  }, [checked, loggedIn, path]);

  if (!checked) return <p class="loading" aria-busy="true">Loading…</p>;
  if (!loggedIn) return path === '/ui/login' ? <Login /> : null;
  return (
    <Shell>
      <Router>
        <Route path="/ui/" component={Home} />
        <Route path="/ui/cluster/:fsid" component={Dashboard} />
        <Route path="/ui/cluster/:fsid/osd" component={Osds} />
        <Route path="/ui/cluster/:fsid/osd/:id" component={OsdDetail} />
        <Route path="/ui/cluster/:fsid/pool" component={Pools} />
        <Route path="/ui/cluster/:fsid/pool/new" component={NewPool} />
        <Route path="/ui/cluster/:fsid/pool/:id" component={PoolDetail} />
        <Route path="/ui/cluster/:fsid/block" component={Block} />
        <Route path="/ui/cluster/:fsid/block/:pool/new" component={NewImage} />
        <Route path="/ui/cluster/:fsid/block/:pool/image/:name" component={RbdImageDetail} />
        <Route path="/ui/cluster/:fsid/file" component={File} />
        <Route path="/ui/cluster/:fsid/file/:fs/subvolume/:name" component={SubvolumeDetail} />
        <Route path="/ui/cluster/:fsid/object" component={ObjectStore} />
        <Route path="/ui/cluster/:fsid/object/user/:uid" component={RgwUserDetail} />
        <Route path="/ui/cluster/:fsid/object/bucket/:name" component={RgwBucketDetail} />
        <Route path="/ui/cluster/:fsid/mon" component={Monitors} />
        <Route path="/ui/cluster/:fsid/crush" component={Crush} />
        <Route path="/ui/cluster/:fsid/config" component={Config} />
        <Route path="/ui/hosts" component={Hosts} />
        <Route path="/ui/hosts/:fqdn" component={HostDetail} />
        <Route path="/ui/requests" component={Requests} />
        <Route path="/ui/alerts" component={Alerts} />
        <Route path="/ui/alerts/:id" component={Alerts} />
        <Route path="/ui/events" component={Events} />
        <Route path="/ui/account" component={Account} />
        <Route path="/ui/admin" component={Admin} />
        <Route default component={NotFound} />
      </Router>
      <ConfirmDialog />
      <RequestTray />
    </Shell>
  );
}

render(<LocationProvider><App /></LocationProvider>, document.getElementById('app')!);
