// Reload the page when a file of the project changes (the server says so).
const generation = document.documentElement.dataset.generation;
const events = new EventSource("/preview/events?since=" + encodeURIComponent(generation));
events.onmessage = () => { events.close(); window.location.reload(); };
