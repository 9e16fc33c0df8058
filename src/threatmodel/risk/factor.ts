/** One reason a rating or status is what it is; every rating lists all of them. */
export interface Factor {
  stage: 'likelihood' | 'impact' | 'current' | 'projected' | 'status';
  label: string;
  /** Change this factor made (likelihood or impact points), when it adjusts a value. */
  delta?: number;
  /** Value this factor set, when it sets one. */
  value?: number;
}
