//! Reports: a comparison rendered as text, Markdown or JSON.
