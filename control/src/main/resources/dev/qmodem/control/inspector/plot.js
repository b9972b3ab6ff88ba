// Small plots on a canvas, without a library: a line over time with reference lines, and bars.

function setup(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 300;
  const height = canvas.clientHeight || 120;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  g.font = '10px ui-monospace, monospace';
  return { g, width, height };
}

export function human(value, unit) {
  const steps = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, prefix] of steps) {
    if (Math.abs(value) >= size) return `${(value / size).toFixed(value >= 10 * size ? 0 : 1)} ${prefix}${unit}`;
  }
  return `${Math.round(value)} ${unit}`;
}

// points: [{t: seconds, v}], over the last `span` seconds ending at `now`; refs: [{v, label}] dashed lines.
export function linePlot(canvas, points, refs, now, span, unit) {
  const { g, width, height } = setup(canvas);
  const left = 56;
  const bottom = height - 14;
  const top = 8;
  const max = Math.max(1, ...points.map(p => p.v), ...refs.map(r => r.v)) * 1.1;
  const x = t => left + (width - left - 4) * (1 - (now - t) / span);
  const y = v => bottom - (bottom - top) * (v / max);
  g.strokeStyle = '#ccc';
  g.fillStyle = '#666';
  g.beginPath(); g.moveTo(left, top); g.lineTo(left, bottom); g.lineTo(width - 4, bottom); g.stroke();
  g.fillText(human(max / 1.1, unit), 2, y(max / 1.1) + 3);
  g.fillText('0', left - 10, bottom);
  g.fillText(`-${span} s`, left, height - 2);
  g.fillText('now', width - 24, height - 2);
  for (const ref of refs) {
    g.setLineDash([4, 3]);
    g.strokeStyle = '#c0392b';
    g.beginPath(); g.moveTo(left, y(ref.v)); g.lineTo(width - 4, y(ref.v)); g.stroke();
    g.setLineDash([]);
    g.fillStyle = '#c0392b';
    g.fillText(ref.label, left + 4, y(ref.v) - 3);
  }
  g.strokeStyle = '#1f6feb';
  g.lineWidth = 1.5;
  g.beginPath();
  points.filter(p => now - p.t <= span).forEach((p, i) => (i ? g.lineTo(x(p.t), y(p.v)) : g.moveTo(x(p.t), y(p.v))));
  g.stroke();
}

// bars: [{label, v, title}], newest last; one bar per entry, labels under the bars when there is room.
export function barPlot(canvas, bars, unit) {
  const { g, width, height } = setup(canvas);
  const left = 46;
  const bottom = height - 26;
  const top = 8;
  const max = Math.max(1, ...bars.map(b => b.v)) * 1.1;
  const slot = (width - left - 4) / Math.max(bars.length, 1);
  g.strokeStyle = '#ccc';
  g.fillStyle = '#666';
  g.beginPath(); g.moveTo(left, top); g.lineTo(left, bottom); g.lineTo(width - 4, bottom); g.stroke();
  g.fillText(`${(max / 1.1).toFixed(max > 11 ? 0 : 1)} ${unit}`, 2, top + 8);
  bars.forEach((bar, i) => {
    const h = (bottom - top) * (bar.v / max);
    g.fillStyle = bar.label.endsWith('URC') ? '#8e44ad' : '#1f6feb';
    g.fillRect(left + i * slot + 1, bottom - h, Math.max(1, slot - 2), h);
    if (slot >= 14) {
      g.save();
      g.fillStyle = '#444';
      g.translate(left + i * slot + slot / 2 + 3, bottom + 3);
      g.rotate(Math.PI / 2.6);
      g.fillText(bar.label.replace(' URC', '*').slice(0, 9), 0, 0);
      g.restore();
    }
  });
}
