/** Page layout: header, settings and method card on the left, the run and its plots on the right. */
import { ControlsPanel } from './controls/ControlsPanel';
import { MethodCard } from './MethodCard';
import { LossPanel } from './metrics/LossPanel';
import { MetricsPanel } from './metrics/MetricsPanel';
import { Messages } from './run/Messages';
import { ProgressLine } from './run/ProgressLine';
import { RunButtons } from './run/RunButtons';
import { ScatterPanel } from './scatter/ScatterPanel';
import { SelectionPanel } from './scatter/SelectionPanel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Priorscope</h1>
        <p>Watch a deep clustering method learn, live in your browser: its embedding, its clusters and how well they match the labels.</p>
      </header>
      <main className="layout">
        <aside className="sidebar">
          <ControlsPanel />
          <MethodCard />
        </aside>
        <div className="content">
          <section className="panel run-panel" aria-label="Run">
            <RunButtons />
            <ProgressLine />
          </section>
          <Messages />
          <ScatterPanel />
          <SelectionPanel />
          <div className="charts-row">
            <MetricsPanel />
            <LossPanel />
          </div>
        </div>
      </main>
    </div>
  );
}
