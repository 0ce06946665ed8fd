import type { Item } from 'hearth-sdk';

export interface Product extends Item {
  id: string;
  title: string;
  price: number;
}

const categories = ['Shoes', 'Jackets', 'Tents', 'Bikes'];
const brands = ['Alpina', 'Borealis', 'Cirrus', 'Dune', 'Ember'];

/** What the shop's API would return for the "Outdoor" category, in the server's order. */
export const products: Product[] = Array.from({ length: 12 }, (_, i) => ({
  id: `p${i}`,
  title: `${categories[i % 4]} model ${i}`,
  brand: brands[i % 5]!,
  categories: ['Outdoor', categories[i % 4]!],
  price: 20 + i * 3,
}));
