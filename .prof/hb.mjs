import { Heartbeat } from '/work/main/dist/host/heartbeat.js';
const h = new Heartbeat(); const N = 4e6;
const L = ['pre_hook fuzz bench malloc', 'pre_hook fuzz bench', 'pre_hook fuzz bench free', 'pre_hook fuzz bench free'];
const time = (name, f) => { let best = 1e9; for (let r = 0; r < 5; r++) { const t = performance.now(); f(); best = Math.min(best, (performance.now() - t) * 1e6 / N); } console.log(name.padEnd(28), best.toFixed(1), 'ns'); };
time('enter/leave alternating', () => { for (let i = 0; i < N; i++) { h.enter('call', 5000, L[i & 3]); h.leave(); } });
time('enter/leave same', () => { for (let i = 0; i < N; i++) { h.enter('call', 5000, L[1]); h.leave(); } });
time('Date.now', () => { let s = 0; for (let i = 0; i < N; i++) s += Date.now(); });
