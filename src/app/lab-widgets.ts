/**
 * The lesson fence that shows each lab (`/labs/<name>`), so a lab's page can list the lessons
 * that use it. Kept apart from labs.ts and the widget registry until they become one definition
 * per tool; lab-widgets.test.ts checks that every lab has its registered fence here.
 */
export const LAB_WIDGETS: Readonly<Record<string, string>> = {
  'docker-cache': 'docker-lab',
  resolver: 'resolver-lab',
};
