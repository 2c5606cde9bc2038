/**
 * Page layout: the header and the run bar (Train first, so it is the first stop of the keyboard
 * and of a phone's screen), then the settings on the left and on the right one run's plot with its
 * method card beside it — or, with several runs, the comparison — and the focused run's details.
 * The guided tour, when open, sits above them; a prior family's card opens as a dialog.
 */
import { useStore } from '../state/store';
import { ComparePanel } from './compare/ComparePanel';
import { CompareButtons } from './compare/CompareButtons';
import { ControlsPanel } from './controls/ControlsPanel';
import { DataPanel } from './data/DataPanel';
import { DropOverlay } from './data/DropOverlay';
import { DropSummary } from './data/DropSummary';
import { MethodCard } from './MethodCard';
import { KSweepPanel } from './metrics/KSweepPanel';
import { LossPanel } from './metrics/LossPanel';
import { MetricsPanel } from './metrics/MetricsPanel';
import { ExportPanel } from './export/ExportPanel';
import { ClusterGallery } from './gallery/ClusterGallery';
import { PointDetail } from './gallery/PointDetail';
import { Messages } from './run/Messages';
import { ProgressLine } from './run/ProgressLine';
import { RunButtons } from './run/RunButtons';
import { RunProvider } from './run/RunContext';
import { ScatterPanel } from './scatter/ScatterPanel';
import { SelectionPanel } from './scatter/SelectionPanel';
import { AugmentPairsPanel } from './teaching/AugmentPairsPanel';
import { FamilyDialog } from './teaching/FamilyDialog';
import { TourButton } from './teaching/TourButton';
import { TourPanel } from './teaching/TourPanel';
import { userRowBytes } from '../worker/decodeClient';

export function App() {
  const focused = useStore((s) => s.focusedRunId);
  const comparing = useStore((s) => s.runOrder.length > 1);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Priorscope</h1>
        <p>Watch a deep clustering method learn, live in your browser: pick a prior, press Train, and see its embedding, its clusters and how well they match the labels.</p>
        <TourButton />
      </header>
      <section className="panel run-panel" aria-label="Run">
        <div className="run-bar">
          <RunButtons />
          <CompareButtons />
        </div>
        <RunProvider id={focused}>
          <ProgressLine />
        </RunProvider>
      </section>
      <TourPanel />
      <main className="layout">
        <aside className="sidebar">
          <ControlsPanel />
          <DataPanel />
        </aside>
        <div className="content">
          <DropSummary />
          <Messages />
          {comparing && <ComparePanel />}
          <RunProvider id={focused}>
            <div className="plot-row">
              {!comparing && <ScatterPanel />}
              <MethodCard />
            </div>
            <AugmentPairsPanel />
            <PointDetail />
            <SelectionPanel />
            <ClusterGallery />
            <ExportPanel sourceBytes={userRowBytes} />
            <div className="charts-row">
              <MetricsPanel />
              <LossPanel />
            </div>
            <KSweepPanel />
          </RunProvider>
        </div>
      </main>
      <DropOverlay />
      <FamilyDialog />
    </div>
  );
}
