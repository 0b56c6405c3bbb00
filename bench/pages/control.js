// The control beside the widget in the demo pages at 4× CPU ("demo4x"): ten tasks of fixed work,
// scheduled the way the widget schedules its steps (scheduler.yield), from 100 ms after
// DOMContentLoaded, 60 ms apart. The work is an integer loop, optimised before the first task
// (so nothing in it changes from task to task); only the machine can make one task longer than
// another. How often such a task reaches 50 ms says how much of a widget task of 50 ms can be
// the machine's. Each task's own time goes into <html data-control> for the bench to read.
(() => {
  const ITERATIONS = 600000;
  const spin = (n) => {
    let a = 0;
    for (let i = 0; i < n; i++) a = (a * 31 + i) | 0;
    return a;
  };
  const times = [];
  let left = 10;
  const work = () => {
    const t0 = performance.now();
    window.__controlSink = spin(ITERATIONS);
    times.push(Math.round((performance.now() - t0) * 10) / 10);
    document.documentElement.setAttribute('data-control', JSON.stringify(times));
  };
  const next = () => {
    if (left-- <= 0) return;
    scheduler
      .yield()
      .then(work)
      .then(() => setTimeout(next, 60));
  };
  // Warmed up in small pieces, so that no piece is a long task of its own.
  let warm = 40;
  const warmUp = () => (warm-- > 0 ? (spin(50000), setTimeout(warmUp)) : setTimeout(next, 100));
  const go = () => setTimeout(warmUp);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
  else go();
})();
