/**
 * Where `targets` are, as the browser's next rendering step lays them out, read without laying
 * anything out: an IntersectionObserver's first report carries each target's box and the
 * viewport's, computed in that step. Reading boxes in a task (getBoundingClientRect, offsetHeight)
 * lays the page out there whenever it changed since the last frame — during a shop's load that
 * was 50–170 ms in one task at 4× CPU. `done` runs once, in a task of its own after the frame,
 * with the viewport's height (undefined where the browser does not say: a cross-origin frame);
 * a target the step did not report (removed meanwhile) is absent. Returns a function that cancels.
 */
export function readBoxes(targets: Element[], done: (boxes: Map<Element, DOMRectReadOnly>, vh?: number) => void): () => void {
  const io = new IntersectionObserver((entries) => {
    io.disconnect();
    done(new Map(entries.map((e) => [e.target, e.boundingClientRect])), entries[0]?.rootBounds?.height);
  });
  for (const t of targets) io.observe(t);
  return () => io.disconnect();
}
