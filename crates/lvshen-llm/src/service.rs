//! Serving discipline: one backend shared by all requests, a bounded queue that answers
//! "busy" at once when full, generation on blocking threads (never on the async runtime),
//! and cancellation when the client goes away.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use tokio::sync::mpsc;

use crate::backend::Backend;
use crate::{Chat, GenerationParams, GenerationStats, LlmError};

/// The shared generator with its queue.
#[derive(Clone)]
pub struct LlmService {
    backend: Arc<dyn Backend>,
    /// Requests allowed to wait while one runs.
    queue: usize,
    /// Requests admitted and not finished (running + waiting).
    admitted: Arc<AtomicUsize>,
}

impl std::fmt::Debug for LlmService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LlmService")
            .field("backend", &self.backend.describe())
            .field("queue", &self.queue)
            .field("admitted", &self.admitted.load(Ordering::Relaxed))
            .finish()
    }
}

/// A place in the queue; leaving it (drop) frees it.
#[derive(Debug)]
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// What a streamed generation sends.
#[derive(Debug, Clone)]
pub enum Event {
    /// The next piece of text.
    Text(String),
    /// The whole reply and its statistics; the last event.
    Done {
        text: String,
        stats: GenerationStats,
    },
    /// Generation failed; the last event.
    Error(String),
}

/// A generation running on a blocking thread. Dropping it (the client went away) cancels it.
#[derive(Debug)]
pub struct Generation {
    pub events: mpsc::Receiver<Event>,
    cancel: Arc<AtomicBool>,
}

impl Generation {
    /// Asks the generation to stop; it ends with a `Done` whose stop reason is `cancelled`.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for Generation {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl LlmService {
    /// `queue`: how many requests may wait while one runs (0: only the running one).
    pub fn new(backend: Arc<dyn Backend>, queue: usize) -> Self {
        LlmService {
            backend,
            queue,
            admitted: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// The backend, for token counting and descriptions.
    pub fn backend(&self) -> &Arc<dyn Backend> {
        &self.backend
    }

    /// Requests running or waiting now.
    pub fn in_flight(&self) -> usize {
        self.admitted.load(Ordering::Acquire)
    }

    fn admit(&self) -> Result<Slot, LlmError> {
        let before = self.admitted.fetch_add(1, Ordering::AcqRel);
        let slot = Slot(self.admitted.clone());
        if before > self.queue {
            drop(slot);
            return Err(LlmError::Busy {
                waiting: before.saturating_sub(1),
            });
        }
        Ok(slot)
    }

    /// Generates in the calling thread (CLI, or code already on a blocking thread).
    pub fn generate(
        &self,
        chat: &Chat,
        params: &GenerationParams,
        cancel: &AtomicBool,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<(String, GenerationStats), LlmError> {
        let _slot = self.admit()?;
        self.backend.generate(chat, params, cancel, on_text)
    }

    /// Starts a generation on a blocking thread of the current tokio runtime and returns its
    /// event stream at once; `Busy` when the queue is full. Must be called inside a runtime.
    pub fn stream(&self, chat: Chat, params: GenerationParams) -> Result<Generation, LlmError> {
        let slot = self.admit()?;
        let (tx, events) = mpsc::channel(256);
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = cancel.clone();
        let backend = self.backend.clone();
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            if flag.load(Ordering::Relaxed) {
                return;
            }
            let result = backend.generate(&chat, &params, &flag, &mut |piece| {
                if tx.blocking_send(Event::Text(piece.to_owned())).is_err() {
                    // Nobody listens any more.
                    flag.store(true, Ordering::Relaxed);
                }
            });
            let last = match result {
                Ok((text, stats)) => Event::Done { text, stats },
                Err(e) => Event::Error(e.to_string()),
            };
            let _ = tx.blocking_send(last);
        });
        Ok(Generation { events, cancel })
    }
}
