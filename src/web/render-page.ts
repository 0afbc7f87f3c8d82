import type { Response } from 'express';

/**
 * Renders an HTML page: `views/layout.ejs` around `views/<page>.ejs`. The model is shaped
 * before it gets here (view-models/); the views only loop and escape.
 */
export function renderPage(res: Response, page: string, title: string, model: object = {}): void {
  res.render('layout', { ...model, pageView: page, title });
}

/** Renders one view (a partial) to a string, for an answer that carries HTML inside JSON. */
export function renderView(res: Response, view: string, model: object): Promise<string> {
  return new Promise((resolve, reject) => {
    res.render(view, model, (error: Error | null, html: string) => (error ? reject(error) : resolve(html)));
  });
}
