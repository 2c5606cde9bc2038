/** Opens the guided tour (it replaces the comparison with the tour's own, on MNIST-10k). */
import { useStore } from '../../state/store';
import { startTour } from '../../state/tour/tourActions';

export function TourButton() {
  const open = useStore((s) => s.tour !== null);
  if (open) return null;
  return (
    <button type="button" className="tour-start" data-testid="tour-start" onClick={startTour} title="The survey's story in a few clicks: each step adds a method to the comparison on MNIST-10k (replaces the current runs)">
      Guided tour
    </button>
  );
}
