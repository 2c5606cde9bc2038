/**
 * Nouns TAC retrieves text counterparts from when the user typed no class names. TAC's authors
 * use WordNet's nouns (tens of thousands, filtered per data set); shipping WordNet is out of
 * scope, so this is a short generic list written for this project: everyday objects, animals,
 * scenes and, for the digit data sets the app ships, the ten digit names.
 */
export const DEFAULT_NOUNS: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'airplane', 'car', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck',
  'bicycle', 'bus', 'train', 'boat', 'motorcycle', 'person', 'child', 'face', 'hand', 'flower',
  'tree', 'grass', 'mountain', 'sea', 'beach', 'sky', 'cloud', 'road', 'building', 'house',
  'bridge', 'city', 'forest', 'river', 'snow', 'desert', 'fish', 'insect', 'butterfly', 'spider',
  'snake', 'turtle', 'monkey', 'bear', 'elephant', 'lion', 'tiger', 'cow', 'sheep', 'rabbit',
  'mouse', 'chair', 'table', 'bed', 'sofa', 'lamp', 'clock', 'phone', 'computer', 'keyboard',
  'book', 'bottle', 'cup', 'bowl', 'plate', 'fruit', 'apple', 'orange', 'banana', 'bread',
  'cake', 'pizza', 'shoe', 'shirt', 'dress', 'hat', 'bag', 'ball', 'toy', 'guitar',
  'letter', 'number', 'symbol', 'drawing', 'text', 'pattern', 'texture', 'food', 'tool', 'vehicle',
];
