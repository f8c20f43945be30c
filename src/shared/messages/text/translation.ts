/**
 * The shape every locale's texts have: English's keys with string values. A language whose plural
 * rules have no "one" form (Chinese) may leave out `_one` keys; the unit test checks the rest
 * (same keys, same {{variables}}, nothing empty).
 */
export type Translation<T> = {
  -readonly [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string
    ? string
    : Translation<T[K]>;
} & {
  -readonly [K in keyof T as K extends `${string}_one` ? K : never]?: string;
};
