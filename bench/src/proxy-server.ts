// Child process: the round-robin proxy the multi-instance tests use, in front of the instances
// listed in BENCH_PROXY_UPSTREAMS, listening on PORT.
import { startRoundRobinProxy } from '../../apps/server/src/testing/round-robin-proxy.ts';

const upstreams = (process.env.BENCH_PROXY_UPSTREAMS ?? '').split(',').filter(Boolean);
const proxy = await startRoundRobinProxy(upstreams, { port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = () => void proxy.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
