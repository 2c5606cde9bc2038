/** Class-name lists a person can pick instead of typing, for the data sets people try first. */
export interface ClassNamePreset {
  id: string;
  label: string;
  names: readonly string[];
}

export const CLASS_NAME_PRESETS: readonly ClassNamePreset[] = [
  { id: 'digits', label: 'Digits (MNIST): zero … nine', names: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] },
  { id: 'fashion', label: 'Clothes (Fashion-MNIST)', names: ['T-shirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'] },
  { id: 'cifar10', label: 'CIFAR-10', names: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'] },
];
